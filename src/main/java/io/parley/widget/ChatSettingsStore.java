package io.parley.widget;

import io.parley.system.ErrorCode;
import io.parley.workspace.WorkspaceId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each workspace's chat settings as one JSON document beside the workspace.
 */
@Service
public class ChatSettingsStore {

	/** A bound on the stored document, matching its column. */
	static final int MAX_LENGTH = 20_000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ChatSettingsStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(readOnly = true)
	public ChatSettings of(WorkspaceId workspace) {
		String document = this.jdbc.sql("SELECT chat_settings FROM workspaces WHERE id = ?")
			.param(workspace.value())
			.query(String.class)
			.single();
		return this.json.readValue(document, ChatSettings.class).complete();
	}

	/** The workspace's name, as its widget shows it. */
	@Transactional(readOnly = true)
	public String workspaceName(WorkspaceId workspace) {
		return this.jdbc.sql("SELECT name FROM workspaces WHERE id = ?")
			.param(workspace.value())
			.query(String.class)
			.single();
	}

	/** Replaces the settings; missing fields take their defaults. */
	@Transactional
	public ChatSettings replace(WorkspaceId workspace, ChatSettings settings) {
		if (!settings.isConsistent()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		ChatSettings complete = settings.complete();
		String document = this.json.writeValueAsString(complete);
		if (document.length() > MAX_LENGTH) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		this.jdbc.sql("UPDATE workspaces SET chat_settings = ? WHERE id = ?")
			.params(document, workspace.value())
			.update();
		return complete;
	}

}
