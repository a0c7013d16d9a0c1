package io.parley.conversation;

import java.util.Optional;
import java.util.UUID;

/** An attachment's id: random, and the name its file is stored under. */
public record AttachmentId(UUID value) {

	public static AttachmentId random() {
		return new AttachmentId(UUID.randomUUID());
	}

	/** The id in {@code value}, or empty when it cannot name any attachment. */
	public static Optional<AttachmentId> parse(String value) {
		try {
			return Optional.of(new AttachmentId(UUID.fromString(value)));
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
