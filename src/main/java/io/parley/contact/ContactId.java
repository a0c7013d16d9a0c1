package io.parley.contact;

import java.util.Optional;
import java.util.UUID;

public record ContactId(UUID value) {

	public static ContactId random() {
		return new ContactId(UUID.randomUUID());
	}

	public static Optional<ContactId> parse(String value) {
		try {
			return Optional.of(new ContactId(UUID.fromString(value)));
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
