package io.parley.notification;

import java.util.Optional;
import java.util.UUID;

public record NotificationId(UUID value) {

	static NotificationId random() {
		return new NotificationId(UUID.randomUUID());
	}

	/** The id in {@code value}, or empty when it cannot name any notification. */
	public static Optional<NotificationId> parse(String value) {
		try {
			UUID id = UUID.fromString(value);
			return id.toString().equals(value) ? Optional.of(new NotificationId(id)) : Optional.empty();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
