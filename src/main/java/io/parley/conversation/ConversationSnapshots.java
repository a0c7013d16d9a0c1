package io.parley.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations as the inbox shows them, many at once: for a module that learns of
 * messages in bulk from the log and must not ask once per message (the inboxes'
 * activity).
 */
@Service
public class ConversationSnapshots {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	ConversationSnapshots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** These conversations as they are now, of any workspace; missing ones left out. */
	@Transactional(readOnly = true)
	public Map<ConversationId, ConversationSnapshot> of(Collection<ConversationId> conversations) {
		Map<ConversationId, ConversationSnapshot> found = new HashMap<>();
		List<UUID> ids = conversations.stream().map(ConversationId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			this.jdbc.sql("SELECT " + Conversations.COLUMNS + " FROM conversations WHERE id IN (:ids)")
				.param("ids", new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK))))
				.query(Conversations::map)
				.list()
				.forEach((conversation) -> found.put(conversation.id(), ConversationSnapshot.of(conversation)));
		}
		return found;
	}

}
