package io.parley.widget;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.system.ErrorCode;
import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each workspace's public widget key, the {@code data-key} of its embed snippet: random,
 * unique, made the first time it is asked for, and replaced by {@link #rotate} (the old
 * key stops working at once). It is not a secret: it names the workspace to the widget,
 * and the allowed domains decide where it works.
 */
@Service
public class WidgetKeys {

	/** The longest key there is, so that a longer one is not looked up. */
	static final int MAX_LENGTH = 64;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	WidgetKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The workspace a key opens; empty for an unknown, rotated or malformed key. */
	@Transactional(readOnly = true)
	public Optional<WorkspaceId> workspaceOf(String key) {
		if (key == null || key.isBlank() || key.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id FROM workspaces WHERE widget_key = ?")
			.param(key)
			.query(UUID.class)
			.optional()
			.map(WorkspaceId::new);
	}

	/** The workspace's key, made now if it has none yet. */
	@Transactional
	public String keyOf(WorkspaceId workspace) {
		List<String> current = this.jdbc.sql("SELECT widget_key FROM workspaces WHERE id = ?")
			.param(workspace.value())
			.query(String.class)
			.list();
		if (current.isEmpty()) {
			throw ErrorCode.WORKSPACE_NOT_FOUND.exception();
		}
		if (current.get(0) != null) {
			return current.get(0);
		}
		// two first requests may race: the one whose update finds the key set reads it
		this.jdbc.sql("UPDATE workspaces SET widget_key = ? WHERE id = ? AND widget_key IS NULL")
			.params(newKey(), workspace.value())
			.update();
		return this.jdbc.sql("SELECT widget_key FROM workspaces WHERE id = ?")
			.param(workspace.value())
			.query(String.class)
			.single();
	}

	/** Gives the workspace a new key; the old one opens nothing from now on. */
	@Transactional
	public String rotate(WorkspaceId workspace) {
		String key = newKey();
		this.jdbc.sql("UPDATE workspaces SET widget_key = ? WHERE id = ?").params(key, workspace.value()).update();
		return key;
	}

	private static String newKey() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return "wk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
