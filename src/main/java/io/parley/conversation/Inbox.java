package io.parley.conversation;

import java.time.Clock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's list of conversations: those the caller may see, filtered, most
 * recently changed first, a page at a time. The cursor names the last conversation of a
 * page by its change time and id, so pages neither skip nor repeat while conversations
 * keep their place.
 */
@Service
public class Inbox {

	public static final int MAX_PAGE = 100;

	private final JdbcClient jdbc;

	private final Conversations conversations;

	private final ConversationTags tags;

	private final AssignmentHistory history;

	private final ReadStates reads;

	private final ContactDirectory contacts;

	private final ConversationRatings ratings;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Conversations conversations, ConversationTags tags, AssignmentHistory history,
			ReadStates reads, ContactDirectory contacts, ConversationRatings ratings, Clock clock) {
		this.ratings = ratings;
		this.clock = clock;
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.tags = tags;
		this.history = history;
		this.reads = reads;
		this.contacts = contacts;
	}

	/**
	 * @param cursor the {@code nextCursor} of the previous page, or {@code null}
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not make
	 */
	@Transactional(readOnly = true)
	public Page list(Caller caller, InboxFilter filter, String cursor, int limit) {
		return list(caller, filter, cursor, limit, false);
	}

	/**
	 * {@link #list(Caller, InboxFilter, String, int)}, the conversations inactive longest
	 * first when {@code waitingFirst}: the customer who has waited longest for anything
	 * to happen comes first. A cursor pages on in the order it was made in.
	 */
	@Transactional(readOnly = true)
	public Page list(Caller caller, InboxFilter filter, String cursor, int limit, boolean waitingFirst) {
		InboxQuery query = InboxQuery.of(caller, filter, cursor, limit + 1, waitingFirst, Timestamps.now(this.clock));
		List<Row> rows = this.jdbc.sql(query.sql()).params(query.params()).query(Inbox::row).list();
		boolean more = rows.size() > limit;
		List<Row> page = more ? rows.subList(0, limit) : rows;
		Map<ConversationId, List<String>> tagsById = this.tags
			.of(page.stream().map((row) -> row.conversation().id()).toList());
		List<InboxItem> items = new ArrayList<>(page.size());
		for (Row row : page) {
			Conversation conversation = row.conversation();
			items.add(new InboxItem(ConversationSnapshot.of(conversation), conversation.contactId().toString(),
					row.contactName(), row.contactEmail(), tagsById.getOrDefault(conversation.id(), List.of()),
					conversation.lastSequence(), Math.max(0, conversation.lastSequence() - row.lastRead())));
		}
		String next = more ? InboxQuery.cursorAfter(page.get(page.size() - 1).conversation()) : null;
		return new Page(items, next);
	}

	/**
	 * One conversation with its tags, assignment history and read marks; for its
	 * customer, with their own read mark only.
	 */
	@Transactional(readOnly = true)
	public Details details(Caller caller, ConversationId id) {
		Conversation conversation = this.conversations.find(caller.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(caller)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		Contact contact = this.contacts.find(caller.workspaceId(), conversation.contactId()).orElseThrow();
		if (conversation.isCustomer(caller)) {
			// the staff's tags, routing and read marks are theirs, not the customer's
			return new Details(conversation, contact, List.of(), List.of(),
					this.reads.of(id).stream().filter((read) -> caller.is(read.readerId())).toList(),
					this.ratings.of(id).orElse(null), null);
		}
		return new Details(conversation, contact, this.tags.of(id), this.history.of(id), this.reads.of(id),
				this.ratings.of(id).orElse(null), this.conversations.attributes(caller.workspaceId(), id));
	}

	private static Row row(ResultSet row, int number) throws SQLException {
		return new Row(Conversations.map(row, number), row.getString("contact_name"),
				Contact.emailToShow(row.getString("contact_email"), row.getString("contact_attributes")),
				row.getLong("last_read_sequence"));
	}

	/**
	 * @param rating the customer's rating, or {@code null}
	 * @param attributes what the widget's host page said about the conversation and where
	 * it started, a JSON object, or {@code null} (decision 63)
	 */
	public record Details(Conversation conversation, Contact contact, List<String> tags, List<Assignment> assignments,
			List<ReadState> reads, Rating rating, String attributes) {
	}

	/** A page of the inbox; {@code nextCursor} is {@code null} on the last page. */
	public record Page(List<InboxItem> items, String nextCursor) {
	}

	private record Row(Conversation conversation, String contactName, String contactEmail, long lastRead) {
	}

}
