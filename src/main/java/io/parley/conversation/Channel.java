package io.parley.conversation;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a conversation came from: the website widget, a mailbox, or the API. */
public enum Channel {

	WEB, EMAIL, API;

	private final String value = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String value() {
		return this.value;
	}

	public static Optional<Channel> parse(String value) {
		for (Channel candidate : values()) {
			if (candidate.value.equals(value)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
