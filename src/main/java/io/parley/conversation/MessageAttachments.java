package io.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.parley.contact.ContactId;
import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores which files each message carries, written with the message in its transaction. A
 * row's workspace is its conversation's.
 */
@Repository
class MessageAttachments {

	private static final String COLUMNS = "a.id, a.conversation_id, a.sequence_number, a.note_number, a.name, "
			+ "a.content_type, a.size_bytes";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	MessageAttachments(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** Inserts the attachments of the messages that carry any, in one JDBC batch. */
	void addAll(Collection<Message> messages) {
		List<Object[]> rows = new ArrayList<>();
		for (Message message : messages) {
			for (int i = 0; i < message.attachments().size(); i++) {
				Attachment attachment = message.attachments().get(i);
				rows.add(new Object[] { attachment.id().value(), message.conversationId().value(),
						message.conversationId().value(), message.sequence(), message.note(), i, attachment.name(),
						attachment.contentType(), attachment.size(), message.createdAt().atOffset(ZoneOffset.UTC) });
			}
		}
		if (!rows.isEmpty()) {
			this.batch.batchUpdate("INSERT INTO attachments (id, workspace_id, conversation_id, sequence_number, "
					+ "note_number, ordinal, name, content_type, size_bytes, created_at) VALUES (?, "
					+ "(SELECT workspace_id FROM conversations WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		}
	}

	/** The messages with the attachments stored for them, in the same order. */
	List<Message> attach(List<Message> messages) {
		Map<ConversationId, List<Message>> files = new LinkedHashMap<>();
		for (Message message : messages) {
			if (message.type() == MessageType.FILE) {
				files.computeIfAbsent(message.conversationId(), (id) -> new ArrayList<>()).add(message);
			}
		}
		if (files.isEmpty()) {
			return messages;
		}
		Map<Key, List<Attachment>> stored = new LinkedHashMap<>();
		files.forEach((conversation, carrying) -> this.jdbc
			.sql("SELECT " + COLUMNS + " FROM attachments a WHERE a.conversation_id = :conversation "
					+ "AND a.sequence_number IN (:sequences) ORDER BY a.sequence_number, a.note_number, a.ordinal")
			.param("conversation", conversation.value())
			.param("sequences", carrying.stream().map(Message::sequence).distinct().toList())
			.query((row, number) -> {
				stored.computeIfAbsent(key(row), (key) -> new ArrayList<>()).add(attachment(row));
				return null;
			})
			.list());
		return messages.stream()
			.map((message) -> (message.type() == MessageType.FILE)
					? message.carrying(
							stored.getOrDefault(new Key(message.conversationId(), Position.of(message)), List.of()))
					: message)
			.toList();
	}

	/** The files of one visible message of the workspace's conversation, in order. */
	List<Attachment> ofMessage(WorkspaceId workspace, ConversationId conversation, long sequence) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM attachments a WHERE a.workspace_id = ? AND a.conversation_id = ? "
					+ "AND a.sequence_number = ? AND a.note_number = 0 ORDER BY a.ordinal")
			.param(workspace.value())
			.param(conversation.value())
			.param(sequence)
			.query((row, number) -> attachment(row))
			.list();
	}

	/** The attachment with the conversation that holds it, of any workspace. */
	Optional<StoredAttachment> find(AttachmentId id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", c.workspace_id, c.contact_id FROM attachments a "
					+ "JOIN conversations c ON c.id = a.conversation_id WHERE a.id = ?")
			.param(id.value())
			.query((row, number) -> new StoredAttachment(attachment(row),
					new WorkspaceId(row.getObject("workspace_id", UUID.class)),
					new ConversationId(row.getObject("conversation_id", UUID.class)),
					new ContactId(row.getObject("contact_id", UUID.class)), key(row).position()))
			.optional();
	}

	private static Key key(ResultSet row) throws SQLException {
		return new Key(new ConversationId(row.getObject("conversation_id", UUID.class)),
				new Position(row.getLong("sequence_number"), row.getLong("note_number")));
	}

	private static Attachment attachment(ResultSet row) throws SQLException {
		return new Attachment(new AttachmentId(row.getObject("id", UUID.class)), row.getString("name"),
				row.getString("content_type"), row.getLong("size_bytes"));
	}

	private record Key(ConversationId conversation, Position position) {
	}

}
