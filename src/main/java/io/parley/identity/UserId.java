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

	/** The value stored for a user who may be absent: {@code null} for none. */
	public static UUID valueOf(UserId id) {
		return (id != null) ? id.value() : null;
	}

	/** The user a stored value names, or {@code null} when it is {@code null}. */
	public static UserId ofValue(UUID value) {
		return (value != null) ? new UserId(value) : null;
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
