package io.parley.conversation;

import java.util.Optional;
import java.util.UUID;

public record ConversationId(UUID value) {

	static ConversationId random() {
		return new ConversationId(UUID.randomUUID());
	}

	/** The id in {@code value}, or empty when it cannot name any conversation. */
	public static Optional<ConversationId> parse(String value) {
		try {
			return Optional.of(new ConversationId(UUID.fromString(value)));
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
