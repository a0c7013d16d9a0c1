package io.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.contact.ContactId;
import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores messages. Visible messages are keyed by their sequence (note number 0), notes by
 * the sequence they follow and their note number; the order of both keys is the order
 * they were committed in.
 */
@Repository
class Messages {

	private static final String COLUMNS = "conversation_id, sequence_number, note_number, author_type, author_id, "
			+ "author_name, author_avatar_url, sender_id, sender_role, message_type, content, client_message_id, "
			+ "created_at, edited_at";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM messages ";

	private static final String LOG_SELECT = "SELECT m." + COLUMNS.replace(", ", ", m.")
			+ ", m.log_position, c.workspace_id FROM messages m JOIN conversations c ON c.id = m.conversation_id ";

	private static final String ORDER = " ORDER BY sequence_number, note_number";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final MessageAttachments attachments;

	private final MessageMentions mentions;

	Messages(JdbcClient jdbc, JdbcTemplate batch, MessageAttachments attachments, MessageMentions mentions) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.attachments = attachments;
		this.mentions = mentions;
	}

	/**
	 * Inserts the messages in one JDBC batch, and then the files they carry and the
	 * members their notes mention.
	 */
	void addAll(List<Message> messages) {
		this.batch.batchUpdate(
				"INSERT INTO messages (conversation_id, sequence_number, note_number, author_type, "
						+ "author_id, author_name, author_avatar_url, sender_id, sender_role, message_type, content, "
						+ "client_message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				messages.stream().map(Messages::columns).toList());
		this.attachments.addAll(messages);
		this.mentions.addAll(messages);
	}

	/** The messages with their files and, for notes, whom they mention. */
	private List<Message> complete(List<Message> messages) {
		return this.mentions.attach(this.attachments.attach(messages));
	}

	private static Object[] columns(Message message) {
		Author author = message.author();
		return new Object[] { message.conversationId().value(), message.sequence(), message.note(),
				author.type().value(), author.id(), author.name(), author.avatarUrl(), UserId.valueOf(author.login()),
				author.role(), message.type().value(), message.content(), message.clientMessageId(),
				message.createdAt().atOffset(ZoneOffset.UTC) };
	}

	/**
	 * All messages of a conversation in order as seed 003's transcript shows them: notes
	 * only when asked for, system messages never (decision 44).
	 */
	List<Message> of(ConversationId conversation, boolean withNotes) {
		return complete(this.jdbc
			.sql(SELECT + "WHERE conversation_id = ? AND message_type <> 'system'" + notes(withNotes) + ORDER)
			.param(conversation.value())
			.query(Messages::map)
			.list());
	}

	/** The first messages after {@code position}, in order; notes only when asked for. */
	List<Message> after(ConversationId conversation, Position position, int limit, boolean withNotes) {
		return complete(this.jdbc
			.sql(SELECT + "WHERE conversation_id = ? AND (sequence_number > ? OR (sequence_number = ? "
					+ "AND note_number > ?))" + notes(withNotes) + ORDER + " LIMIT ?")
			.params(conversation.value(), position.sequence(), position.sequence(), position.note(), limit)
			.query(Messages::map)
			.list());
	}

	/**
	 * The last messages before {@code position}, newest first; notes only when asked for.
	 */
	List<Message> before(ConversationId conversation, Position position, int limit, boolean withNotes) {
		return complete(this.jdbc
			.sql(SELECT + "WHERE conversation_id = ? AND (sequence_number < ? OR (sequence_number = ? "
					+ "AND note_number < ?))" + notes(withNotes)
					+ " ORDER BY sequence_number DESC, note_number DESC LIMIT ?")
			.params(conversation.value(), position.sequence(), position.sequence(), position.note(), limit)
			.query(Messages::map)
			.list());
	}

	/**
	 * The last messages of these conversations before {@code cursor} (or the last of
	 * all), newest first, by time, then conversation and position: a merged history
	 * (decision 85); notes only when asked for.
	 */
	List<Message> history(Collection<ConversationId> conversations, HistoryCursor cursor, int limit,
			boolean withNotes) {
		String before = (cursor == null) ? ""
				: " AND (created_at < :at OR (created_at = :at AND (conversation_id < :conversation "
						+ "OR (conversation_id = :conversation AND (sequence_number < :sequence "
						+ "OR (sequence_number = :sequence AND note_number < :note))))))";
		JdbcClient.StatementSpec query = this.jdbc
			.sql(SELECT + "WHERE conversation_id IN (:ids)" + before + notes(withNotes)
					+ " ORDER BY created_at DESC, conversation_id DESC, sequence_number DESC, note_number DESC "
					+ "LIMIT :limit")
			.param("ids", conversations.stream().map(ConversationId::value).toList())
			.param("limit", limit);
		if (cursor != null) {
			query = query.param("at", cursor.createdAt().atOffset(ZoneOffset.UTC))
				.param("conversation", cursor.conversation().value())
				.param("sequence", cursor.position().sequence())
				.param("note", cursor.position().note());
		}
		return complete(query.query(Messages::map).list());
	}

	/** A visible message by its sequence. */
	Optional<Message> find(ConversationId conversation, long sequence) {
		return this.jdbc.sql(SELECT + "WHERE conversation_id = ? AND sequence_number = ? AND note_number = 0")
			.params(conversation.value(), sequence)
			.query(Messages::map)
			.optional()
			.map((message) -> this.attachments.attach(List.of(message)).get(0));
	}

	/** An internal note by its number. */
	Optional<Message> findNote(ConversationId conversation, long note) {
		return this.jdbc.sql(SELECT + "WHERE conversation_id = ? AND note_number = ?")
			.params(conversation.value(), note)
			.query(Messages::map)
			.optional()
			.map((found) -> this.mentions.attach(List.of(found)).get(0));
	}

	/** The messages of these conversations that carry one of these client ids. */
	List<Message> withClientIds(Collection<ClientKey> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder(SELECT).append("WHERE ");
		List<Object> params = new ArrayList<>(keys.size() * 2);
		for (ClientKey key : keys) {
			sql.append(params.isEmpty() ? "" : " OR ").append("(conversation_id = ? AND client_message_id = ?)");
			params.add(key.conversation().value());
			params.add(key.clientMessageId());
		}
		return complete(this.jdbc.sql(sql.toString()).params(params).query(Messages::map).list());
	}

	/**
	 * The contact's message with this client id, in any of their active conversations.
	 */
	Optional<Message> firstOfContact(ContactId contact, String clientMessageId) {
		return this.jdbc
			.sql("SELECT m." + COLUMNS.replace(", ", ", m.")
					+ " FROM messages m JOIN conversations c ON c.id = m.conversation_id "
					+ "WHERE c.contact_id = ? AND m.client_message_id = ? AND m.author_type = 'contact' "
					+ "AND c.status <> 'closed'")
			.params(contact.value(), clientMessageId)
			.query(Messages::map)
			.list()
			.stream()
			.findFirst()
			.map((message) -> this.attachments.attach(List.of(message)).get(0));
	}

	/** The messages stored under these messages' keys, to learn whether they were. */
	List<Message> stored(Collection<Message> messages) {
		StringBuilder sql = new StringBuilder(SELECT).append("WHERE ");
		List<Object> params = new ArrayList<>(messages.size() * 3);
		for (Message message : messages) {
			sql.append(params.isEmpty() ? "" : " OR ")
				.append("(conversation_id = ? AND sequence_number = ? AND note_number = ?)");
			params.add(message.conversationId().value());
			params.add(message.sequence());
			params.add(message.note());
		}
		return this.jdbc.sql(sql.toString()).params(params).query(Messages::map).list();
	}

	void save(Message message) {
		this.jdbc
			.sql("UPDATE messages SET content = ?, edited_at = ? WHERE conversation_id = ? AND sequence_number = ? "
					+ "AND note_number = ?")
			.params(message.content(), message.editedAt().atOffset(ZoneOffset.UTC), message.conversationId().value(),
					message.sequence(), message.note())
			.update();
	}

	/** The first messages after a log position, in log order. */
	List<FeedEntry> afterLogPosition(long position, int limit) {
		return attach(this.jdbc.sql(LOG_SELECT + "WHERE m.log_position > ? ORDER BY m.log_position LIMIT ?")
			.params(position, limit)
			.query(Messages::mapEntry)
			.list());
	}

	/** The newest position the log has given out to a committed message, 0 for none. */
	long lastLogPosition() {
		return this.jdbc.sql("SELECT COALESCE(MAX(log_position), 0) FROM messages").query(Long.class).single();
	}

	private List<FeedEntry> attach(List<FeedEntry> entries) {
		List<Message> carrying = this.attachments.attach(entries.stream().map(FeedEntry::message).toList());
		List<FeedEntry> attached = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			FeedEntry entry = entries.get(i);
			attached.add(new FeedEntry(entry.position(), entry.workspace(), carrying.get(i)));
		}
		return attached;
	}

	/** The messages at these log positions (up to a few hundred), in log order. */
	List<FeedEntry> atLogPositions(Collection<Long> positions) {
		return attach(this.jdbc
			.sql(LOG_SELECT + "WHERE m.log_position IN ("
					+ String.join(", ", Collections.nCopies(positions.size(), "?")) + ") ORDER BY m.log_position")
			.params(new ArrayList<>(positions))
			.query(Messages::mapEntry)
			.list());
	}

	private static FeedEntry mapEntry(ResultSet row, int number) throws SQLException {
		return new FeedEntry(row.getLong("log_position"), new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				map(row, number));
	}

	private static String notes(boolean withNotes) {
		return withNotes ? "" : " AND note_number = 0";
	}

	static Message map(ResultSet row, int number) throws SQLException {
		OffsetDateTime edited = row.getObject("edited_at", OffsetDateTime.class);
		return new Message(new ConversationId(row.getObject("conversation_id", UUID.class)),
				row.getLong("sequence_number"), row.getLong("note_number"), author(row),
				MessageType.parse(row.getString("message_type")).orElseThrow(), row.getString("content"),
				row.getString("client_message_id"), row.getObject("created_at", OffsetDateTime.class).toInstant(),
				(edited != null) ? edited.toInstant() : null);
	}

	private static Author author(ResultSet row) throws SQLException {
		UUID id = row.getObject("author_id", UUID.class);
		String name = row.getString("author_name");
		String avatar = row.getString("author_avatar_url");
		UserId login = UserId.ofValue(row.getObject("sender_id", UUID.class));
		return switch (Author.Type.parse(row.getString("author_type")).orElseThrow()) {
			case MEMBER -> new Author.Member(login, row.getString("sender_role"), name, avatar);
			case CONTACT -> new Author.Contact(new ContactId(id), login, name, avatar);
			case BOT -> new Author.Bot(id, name, avatar);
			case SYSTEM -> Author.Parley.INSTANCE;
		};
	}

	/** A message's id as its client gave it. */
	record ClientKey(ConversationId conversation, String clientMessageId) {
	}

}
