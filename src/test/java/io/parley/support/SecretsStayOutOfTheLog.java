package io.parley.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test class if its run wrote a secret into the log: any password, access or
 * refresh token, log-in challenge, two-factor seed, backup code, socket ticket or
 * invitation secret that its requests sent or were answered through {@link Api} (they are
 * remembered as they pass), and anything shaped like a JWT. The security tests use it, so
 * together they scan the log of every sign-in flow.
 */
public final class SecretsStayOutOfTheLog implements BeforeAllCallback, AfterAllCallback {

	/** Fields whose values are secrets, in requests and answers. */
	private static final Set<String> SECRET_FIELDS = Set.of("password", "currentPassword", "newPassword", "token",
			"refreshToken", "challenge", "secret", "backupCodes", "ticket", "code");

	/** Shorter values (a six-digit code) could stand in a log by chance. */
	private static final int SHORTEST = 8;

	private static final Pattern JWT = Pattern.compile("eyJ[\\w-]{8,}\\.eyJ[\\w-]{8,}\\.");

	private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

	private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace
		.create(SecretsStayOutOfTheLog.class);

	/** Remembers the secrets in a request's or an answer's JSON. */
	static void remember(JsonNode json) {
		if (json == null) {
			return;
		}
		if (json.isObject()) {
			for (String name : json.propertyNames()) {
				JsonNode value = json.get(name);
				if (SECRET_FIELDS.contains(name)) {
					rememberValues(value);
				}
				else if (name.equals("link") && value.isString() && value.stringValue().contains("#")) {
					remember(value.stringValue().substring(value.stringValue().indexOf('#') + 1));
				}
				else {
					remember(value);
				}
			}
		}
		else if (json.isArray()) {
			json.forEach(SecretsStayOutOfTheLog::remember);
		}
	}

	private static void rememberValues(JsonNode value) {
		if (value.isString()) {
			remember(value.stringValue());
		}
		else if (value.isArray()) {
			value.forEach(SecretsStayOutOfTheLog::rememberValues);
		}
	}

	/** Remembers one secret. */
	public static void remember(String secret) {
		if (secret != null && secret.length() >= SHORTEST) {
			SEEN.add(secret);
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		SEEN.clear();
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		Capture capture = new Capture(System.out, System.err, log);
		System.setOut(new PrintStream(new Tee(capture.out(), log), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(new Tee(capture.err(), log), true, StandardCharsets.UTF_8));
		context.getStore(STORE).put(Capture.class, capture);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Capture capture = context.getStore(STORE).remove(Capture.class, Capture.class);
		System.setOut(capture.out());
		System.setErr(capture.err());
		String log = capture.log().toString(StandardCharsets.UTF_8);
		List<String> leaked = SEEN.stream().filter(log::contains).toList();
		assertThat(leaked).as("secrets in the log of %s", context.getDisplayName()).isEmpty();
		assertThat(JWT.matcher(log).find()).as("a JWT in the log of %s", context.getDisplayName()).isFalse();
		SEEN.clear();
	}

	private record Capture(PrintStream out, PrintStream err, ByteArrayOutputStream log) {
	}

	/** Writes to the stream it replaced and to the captured log. */
	private static final class Tee extends OutputStream {

		private final OutputStream original;

		private final ByteArrayOutputStream log;

		Tee(OutputStream original, ByteArrayOutputStream log) {
			this.original = original;
			this.log = log;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			synchronized (this.log) {
				this.log.write(bytes, offset, length);
			}
			if (this.original instanceof PrintStream print) {
				print.write(bytes, offset, length);
			}
		}

		@Override
		public void flush() {
			if (this.original instanceof PrintStream print) {
				print.flush();
			}
		}

	}

}
