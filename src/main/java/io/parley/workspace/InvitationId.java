package io.parley.workspace;

import java.util.Optional;
import java.util.UUID;

public record InvitationId(UUID value) {

	public static InvitationId random() {
		return new InvitationId(UUID.randomUUID());
	}

	/** The id in {@code value}, or empty when it cannot name any invitation. */
	public static Optional<InvitationId> parse(String value) {
		try {
			return Optional.of(new InvitationId(UUID.fromString(value)));
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
