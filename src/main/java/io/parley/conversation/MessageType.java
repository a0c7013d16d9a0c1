package io.parley.conversation;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a message is (seed 001): {@code note} and {@code system} are internal, for the
 * staff only, never shown to the customer.
 */
public enum MessageType {

	TEXT, FILE, SYSTEM, BOT, NOTE;

	private final String value = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Whether messages of this type are the staff's only: numbered as notes, never in the
	 * customer's sequence (decision 44).
	 */
	public boolean isInternal() {
		return this == NOTE || this == SYSTEM;
	}

	public static Optional<MessageType> parse(String value) {
		for (MessageType candidate : values()) {
			if (candidate.value.equals(value)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
