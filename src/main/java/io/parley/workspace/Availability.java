package io.parley.workspace;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an agent takes conversations now (seed 004). Set by the agent; {@code offline}
 * on its own when their last socket closes.
 */
public enum Availability {

	ONLINE, AWAY, OFFLINE;

	private final String value = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String value() {
		return this.value;
	}

	public static Optional<Availability> parse(String value) {
		for (Availability availability : values()) {
			if (availability.value.equals(value)) {
				return Optional.of(availability);
			}
		}
		return Optional.empty();
	}

}
