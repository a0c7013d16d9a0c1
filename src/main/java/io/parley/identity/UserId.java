package io.parley.identity;

import java.util.Optional;
import java.util.UUID;

public record UserId(UUID value) {

	public static UserId random() {
		return new UserId(UUID.randomUUID());
	}

	/** The id in {@code value}, or empty when it cannot name any user. */
	public static Optional<UserId> parse(String value) {
		try {
			return Optional.of(new UserId(UUID.fromString(value)));
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
