package io.parley.contact;

import java.util.Optional;
import java.util.UUID;

public record ContactNoteId(UUID value) {

	public static ContactNoteId random() {
		return new ContactNoteId(UUID.randomUUID());
	}

	/** The id in {@code value}, or empty when it cannot name any note. */
	public static Optional<ContactNoteId> parse(String value) {
		try {
			return Optional.of(new ContactNoteId(UUID.fromString(value)));
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
