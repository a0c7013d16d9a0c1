package io.parley.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.Socket;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A member's notifications, which are created moments after their cause, over REST and on
 * the staff feed's socket (which also carries the inbox's frames).
 */
final class Notices {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private Notices() {
	}

	/**
	 * Waits until the member has {@code count} notifications of {@code kind}; returns the
	 * page.
	 */
	static JsonNode await(Api api, TestUser member, String kind, int count) {
		return Eventually.until(count + " " + kind + " notification(s) of " + member.email(),
				() -> api.get("/api/notifications", member.token()).data(),
				(page) -> page.get("items")
					.valueStream()
					.filter((item) -> kind.equals(item.get("kind").stringValue()))
					.count() == count);
	}

	/** A socket of the member's that asked for their notifications. */
	static Socket feed(int port, TestUser member) {
		Socket socket = Socket.connect(port, member.token());
		socket.send("SUBSCRIBE_NOTIFICATIONS", Map.of());
		socket.expect("NOTIFICATIONS_SUBSCRIBED");
		return socket;
	}

	/** The next {@code NOTIFICATION}'s data, passing over the inbox's frames. */
	static JsonNode next(Socket socket) {
		Instant deadline = Instant.now().plus(WAIT);
		while (Instant.now().isBefore(deadline)) {
			JsonNode frame = socket.poll(Duration.between(Instant.now(), deadline));
			if (frame != null && "NOTIFICATION".equals(frame.get("event").stringValue())) {
				return frame.get("data");
			}
		}
		return fail("No NOTIFICATION arrived within " + WAIT);
	}

	/** Asserts no {@code NOTIFICATION} arrives for a while. */
	static void none(Socket socket, Duration duration) {
		Instant deadline = Instant.now().plus(duration);
		while (Instant.now().isBefore(deadline)) {
			JsonNode frame = socket.poll(Duration.between(Instant.now(), deadline));
			if (frame != null) {
				assertThat(frame.get("event").stringValue()).as(frame.toString()).isNotEqualTo("NOTIFICATION");
			}
		}
	}

}
