package io.parley.conversation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Seed 003's lifecycle: {@code open} until the assigned agent joins, then
 * {@code assigned}, finally {@code closed}.
 */
public enum ConversationStatus {

	OPEN, ASSIGNED, CLOSED;

	private final String value = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String value() {
		return this.value;
	}

	static ConversationStatus of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
