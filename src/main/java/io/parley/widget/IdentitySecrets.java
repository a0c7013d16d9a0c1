package io.parley.widget;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.parley.system.Encryption;
import io.parley.system.ErrorCode;
import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each workspace's secret for identity verification (decision 62): the host site's server
 * computes {@code identityHash} = hex HMAC-SHA256(secret, user id) and the widget passes
 * it on. Made the first time it is needed, stored sealed ({@link Encryption}), shown to
 * those who manage the settings, rotatable.
 */
@Service
public class IdentitySecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Encryption encryption;

	IdentitySecrets(JdbcClient jdbc, Encryption encryption) {
		this.jdbc = jdbc;
		this.encryption = encryption;
	}

	/** The workspace's secret, made now if it has none yet. */
	@Transactional
	public String secretOf(WorkspaceId workspace) {
		String sealed = sealed(workspace);
		if (sealed == null) {
			this.jdbc
				.sql("UPDATE workspaces SET widget_identity_secret = ? WHERE id = ? AND widget_identity_secret IS NULL")
				.params(seal(workspace, newSecret()), workspace.value())
				.update();
			sealed = sealed(workspace);
		}
		return new String(this.encryption.open(sealed, context(workspace)), StandardCharsets.UTF_8);
	}

	/** Gives the workspace a new secret; hashes of the old one fail from now on. */
	@Transactional
	public String rotate(WorkspaceId workspace) {
		String secret = newSecret();
		this.jdbc.sql("UPDATE workspaces SET widget_identity_secret = ? WHERE id = ?")
			.params(seal(workspace, secret), workspace.value())
			.update();
		return secret;
	}

	/**
	 * Whether {@code hash} is the hex HMAC-SHA256 of the user id under the workspace's
	 * secret, compared in constant time.
	 */
	public boolean verifies(WorkspaceId workspace, String userId, String hash) {
		if (userId == null || hash == null || hash.length() != 64) {
			return false;
		}
		byte[] expected = hmac(secretOf(workspace), userId).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, hash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	/** Hex HMAC-SHA256 of the text under the secret, as the host site computes it. */
	public static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private String sealed(WorkspaceId workspace) {
		List<String> rows = this.jdbc.sql("SELECT widget_identity_secret FROM workspaces WHERE id = ?")
			.param(workspace.value())
			.query((row, number) -> row.getString(1))
			.list();
		if (rows.isEmpty()) {
			throw ErrorCode.WORKSPACE_NOT_FOUND.exception();
		}
		return rows.get(0);
	}

	private String seal(WorkspaceId workspace, String secret) {
		return this.encryption.seal(secret.getBytes(StandardCharsets.UTF_8), context(workspace));
	}

	private static String context(WorkspaceId workspace) {
		return "workspaces.widget_identity_secret:" + workspace;
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
