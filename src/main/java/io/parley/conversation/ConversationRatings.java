package io.parley.conversation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.parley.system.ErrorCode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores each conversation's rating, one at most: the table's key is the conversation.
 */
@Repository
class ConversationRatings {

	private final JdbcClient jdbc;

	ConversationRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ALREADY_RATED} when the
	 * conversation has its rating
	 */
	void add(Conversation conversation, Rating rating) {
		try {
			this.jdbc
				.sql("INSERT INTO conversation_ratings (conversation_id, workspace_id, contact_id, score, comment, "
						+ "rated_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(conversation.id().value(), conversation.workspaceId().value(), conversation.contactId().value(),
						rating.score(), rating.comment(), rating.ratedAt().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.ALREADY_RATED.exception();
		}
	}

	Optional<Rating> of(ConversationId conversation) {
		return this.jdbc.sql("SELECT score, comment, rated_at FROM conversation_ratings WHERE conversation_id = ?")
			.param(conversation.value())
			.query((row, number) -> new Rating(row.getInt("score"), row.getString("comment"),
					row.getObject("rated_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

}
