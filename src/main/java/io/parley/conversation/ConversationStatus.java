package io.parley.conversation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a conversation stands. Seed 003's lifecycle is {@code open} until the assigned
 * agent joins, then {@code assigned}, finally {@code closed}; the inbox adds
 * {@code pending} (parked by the team), {@code waiting} (on the customer's reply) and
 * {@code resolved} (solved; a customer's new message reopens it). {@code closed} is
 * final.
 */
public enum ConversationStatus {

	OPEN, PENDING, ASSIGNED, WAITING, RESOLVED, CLOSED;

	private final String value = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String value() {
		return this.value;
	}

	/** The statuses a member of the staff may move a conversation in this status to. */
	Set<ConversationStatus> next() {
		return switch (this) {
			case OPEN -> EnumSet.of(PENDING, ASSIGNED, WAITING, RESOLVED, CLOSED);
			case PENDING -> EnumSet.of(OPEN, ASSIGNED, WAITING, RESOLVED, CLOSED);
			case ASSIGNED -> EnumSet.of(PENDING, WAITING, RESOLVED, CLOSED);
			case WAITING -> EnumSet.of(OPEN, PENDING, ASSIGNED, RESOLVED, CLOSED);
			case RESOLVED -> EnumSet.of(OPEN, ASSIGNED, CLOSED);
			case CLOSED -> EnumSet.noneOf(ConversationStatus.class);
		};
	}

	public static Optional<ConversationStatus> parse(String value) {
		for (ConversationStatus status : values()) {
			if (status.value.equals(value)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

	static ConversationStatus of(String value) {
		return parse(value).orElseThrow();
	}

}
