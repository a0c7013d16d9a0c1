package io.parley.workspace;

import java.util.Optional;
import java.util.UUID;

/** A workspace's custom role. */
public record RoleId(UUID value) {

	public static RoleId random() {
		return new RoleId(UUID.randomUUID());
	}

	public static Optional<RoleId> parse(String value) {
		try {
			return Optional.of(new RoleId(UUID.fromString(value)));
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
