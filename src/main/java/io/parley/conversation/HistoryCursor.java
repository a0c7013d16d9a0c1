package io.parley.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.parley.system.Timestamps;

/**
 * Where a page of a merged history ended (decision 85): its first message's time,
 * conversation and position, the order the history is read in. Opaque to clients.
 */
record HistoryCursor(Instant createdAt, ConversationId conversation, Position position) {

	static HistoryCursor of(Message message) {
		return new HistoryCursor(message.createdAt(), message.conversationId(), Position.of(message));
	}

	String encode() {
		String plain = this.createdAt.toEpochMilli() + ":" + this.conversation + ":" + this.position;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	static Optional<HistoryCursor> parse(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
			if (parts.length != 3) {
				return Optional.empty();
			}
			Instant at = Instant.ofEpochMilli(Long.parseLong(parts[0]));
			ConversationId conversation = new ConversationId(UUID.fromString(parts[1]));
			return Position.parse(parts[2])
				.filter((position) -> Timestamps.isStorable(at))
				.map((position) -> new HistoryCursor(at, conversation, position));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
