package io.parley.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tags of conversations, kept beside the aggregate: messages are appended without
 * reading them.
 */
@Repository
class ConversationTags {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	ConversationTags(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	void replace(ConversationId conversation, Set<String> tags) {
		this.jdbc.sql("DELETE FROM conversation_tags WHERE conversation_id = ?").param(conversation.value()).update();
		this.batch.batchUpdate("INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?)",
				tags.stream().map((tag) -> new Object[] { conversation.value(), tag }).toList());
	}

	List<String> of(ConversationId conversation) {
		return this.jdbc.sql("SELECT tag FROM conversation_tags WHERE conversation_id = ? ORDER BY tag")
			.param(conversation.value())
			.query(String.class)
			.list();
	}

	/** The tags of several conversations at once, for a page of the inbox. */
	Map<ConversationId, List<String>> of(Collection<ConversationId> conversations) {
		Map<ConversationId, List<String>> tags = new HashMap<>();
		if (conversations.isEmpty()) {
			return tags;
		}
		this.jdbc
			.sql("SELECT conversation_id, tag FROM conversation_tags WHERE conversation_id IN (:ids) "
					+ "ORDER BY conversation_id, tag")
			.param("ids", conversations.stream().map(ConversationId::value).toList())
			.query((row) -> {
				tags.computeIfAbsent(new ConversationId(row.getObject("conversation_id", UUID.class)),
						(id) -> new ArrayList<>())
					.add(row.getString("tag"));
			});
		return tags;
	}

}
