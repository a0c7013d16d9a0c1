package io.parley.canned;

import java.util.Optional;
import java.util.UUID;

public record CannedResponseId(UUID value) {

	public static CannedResponseId random() {
		return new CannedResponseId(UUID.randomUUID());
	}

	public static Optional<CannedResponseId> parse(String value) {
		try {
			return Optional.of(new CannedResponseId(UUID.fromString(value)));
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
