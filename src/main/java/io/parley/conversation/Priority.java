package io.parley.conversation;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgent a conversation is (seed 004). */
public enum Priority {

	LOW, NORMAL, HIGH, URGENT;

	private final String value = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String value() {
		return this.value;
	}

	public static Optional<Priority> parse(String value) {
		for (Priority candidate : values()) {
			if (candidate.value.equals(value)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
