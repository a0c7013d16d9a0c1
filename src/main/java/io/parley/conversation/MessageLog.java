package io.parley.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.AnyCaller;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends messages to conversations and reads them back. A message is committed, with the
 * next number of its conversation, before anyone is told of it ({@link MessagePosted}).
 */
@Service
public class MessageLog {

	private final Conversations conversations;

	private final Messages messages;

	private final MessageWriter writer;

	private final ApplicationEventPublisher events;

	private final ReadStates reads;

	private final MemberDirectory members;

	private final Mentions mentions;

	private final Clock clock;

	MessageLog(Conversations conversations, Messages messages, ReadStates reads, MessageWriter writer,
			ApplicationEventPublisher events, MemberDirectory members, Mentions mentions, Clock clock) {
		this.conversations = conversations;
		this.mentions = mentions;
		this.messages = messages;
		this.reads = reads;
		this.writer = writer;
		this.events = events;
		this.members = members;
		this.clock = clock;
	}

	/** How a signed-in person is shown on the messages they write. */
	@AnyCaller("the caller's own identity as an author; each send checks its conversation")
	public Sender sender(Caller caller) {
		return this.members.find(caller.workspaceId(), caller.userId())
			.map((member) -> new Sender(caller, displayName(member), member.profile().avatarUrl()))
			.orElseGet(() -> new Sender(caller, null, null));
	}

	static String displayName(Member member) {
		return (member.profile().displayName() != null) ? member.profile().displayName() : member.name();
	}

	/**
	 * Stores a message of a type people write, {@code text} from the conversation's
	 * participants, {@code note} from the staff who can see it, and returns once it is
	 * committed. A repeated {@code clientMessageId} returns the message stored under it,
	 * which is not announced again.
	 * @param clientMessageId the client's own id for the message, or {@code null}
	 * @param origin opaque id of the sending connection, passed on in
	 * {@link MessagePosted}
	 * @throws io.parley.system.ParleyException when the message is malformed, the sender
	 * may not write it, or the server is busy ({@link ErrorCode#SERVER_BUSY})
	 */
	public Posted post(Sender sender, ConversationId id, MessageType type, String content, String clientMessageId,
			String origin) {
		return post(sender, id, type, content, clientMessageId, origin, null);
	}

	/**
	 * {@link #post(Sender, ConversationId, MessageType, String, String, String)} of a
	 * note that mentions members: each must be an active member of the workspace who
	 * reads the conversation's notes; they are stored with the note and told of it
	 * ({@link MembersMentioned}).
	 * @param mentions the raw user ids mentioned, or {@code null} or empty for none
	 * @throws io.parley.system.ParleyException also
	 * {@link ErrorCode#MENTIONS_ONLY_IN_NOTES} and
	 * {@link ErrorCode#MENTIONED_MEMBER_NOT_FOUND}, and then nothing is stored
	 */
	public Posted post(Sender sender, ConversationId id, MessageType type, String content, String clientMessageId,
			String origin, List<String> mentions) {
		Caller caller = sender.caller();
		requireWellFormed(content, clientMessageId);
		if (type != MessageType.TEXT && type != MessageType.NOTE) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		if (type == MessageType.TEXT) {
			// as for joining a room: writing takes part in the conversation
			caller.require(Permission.TAKE_PART_IN_CONVERSATION);
		}
		List<UserId> mentioned = this.mentions.check(caller, id, type, mentions);
		Author shown = new Author.Member(caller.userId(), caller.role(), sender.name(), sender.avatarUrl());
		return posted(this.writer.write(new Draft(caller.workspaceId(), caller, shown, id, type, content,
				clientMessageId, origin, List.of(), mentioned)));
	}

	/**
	 * Stores a message of an author who is not signed in: the conversation's contact
	 * (text), a bot ({@code bot}) or Parley itself ({@code system}).
	 */
	public Posted postAs(Author author, WorkspaceId workspace, ConversationId id, MessageType type, String content,
			String clientMessageId) {
		return postAs(author, workspace, id, type, content, clientMessageId, null);
	}

	/**
	 * {@link #postAs(Author, WorkspaceId, ConversationId, MessageType, String, String)}
	 * from a connection, which is not sent the message back.
	 * @param origin opaque id of the sending connection, passed on in
	 * {@link MessagePosted}, or {@code null}
	 */
	public Posted postAs(Author author, WorkspaceId workspace, ConversationId id, MessageType type, String content,
			String clientMessageId, String origin) {
		requireWellFormed(content, clientMessageId);
		if (author instanceof Author.Member) {
			throw new IllegalArgumentException("Members write with a sender");
		}
		return posted(
				this.writer.write(new Draft(workspace, null, author, id, type, content, clientMessageId, origin)));
	}

	private static Posted posted(Outcome outcome) {
		return new Posted(outcome.message(), outcome.repeated());
	}

	static void requireWellFormed(String content, String clientMessageId) {
		if (content == null || content.isBlank() || content.length() > Message.MAX_LENGTH || (clientMessageId != null
				&& (clientMessageId.isBlank() || clientMessageId.length() > Message.MAX_CLIENT_ID_LENGTH))) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

	/**
	 * A conversation's messages in order, for whoever may see the conversation, as seed
	 * 003's {@code GET /conversations/{id}} shows them: without system messages, which
	 * its shape cannot tell from a person's and which its clients do not expect (decision
	 * 39).
	 */
	@Transactional(readOnly = true)
	public Transcript transcript(Caller reader, ConversationId id) {
		Conversation conversation = visible(reader, id);
		return new Transcript(conversation, this.messages.of(id, seesNotes(reader, conversation)));
	}

	/**
	 * A page of a conversation's messages in order: the first after {@code after}
	 * (catching up), or else the last before {@code before} (scrolling back), or else the
	 * newest. The reader sees internal notes only when the conversation shows them to
	 * them.
	 * @param after a position, or {@code null}
	 * @param before a position, or {@code null}
	 */
	@Transactional(readOnly = true)
	public MessagePage page(Caller reader, ConversationId id, Position after, Position before, int limit) {
		Conversation conversation = visible(reader, id);
		boolean notes = seesNotes(reader, conversation);
		List<Message> messages = (after != null) ? this.messages.after(id, after, limit + 1, notes)
				: this.messages.before(id, (before != null) ? before : Position.END, limit + 1, notes);
		boolean more = messages.size() > limit;
		if (after != null) {
			List<Message> page = more ? messages.subList(0, limit) : messages;
			return new MessagePage(page, more ? Position.of(page.get(page.size() - 1)) : null);
		}
		List<Message> page = new ArrayList<>(more ? messages.subList(0, limit) : messages);
		Collections.reverse(page);
		return new MessagePage(page, more ? Position.of(page.get(0)) : null);
	}

	/**
	 * What a reader missed after {@code after}, in order, at most {@code limit}: the
	 * resume of a socket that joins again.
	 */
	@Transactional(readOnly = true)
	public List<Message> missed(Caller reader, Conversation conversation, Position after, int limit) {
		return this.messages.after(conversation.id(), after, limit, seesNotes(reader, conversation));
	}

	/**
	 * The sender changes what a message says, while the conversation is not closed.
	 * @param position the message's position: a visible message's sequence, or a note's
	 */
	@Transactional
	public Message edit(Caller sender, ConversationId id, Position position, String content) {
		if (content == null || content.isBlank() || content.length() > Message.MAX_LENGTH) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Conversation conversation = this.conversations.lock(sender.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(sender)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		boolean notes = seesNotes(sender, conversation);
		Message message = ((position.note() > 0) ? this.messages.findNote(id, position.note()).filter((note) -> notes)
				: this.messages.find(id, position.sequence()))
			.filter((found) -> found.sequence() == position.sequence())
			.orElseThrow(ErrorCode.MESSAGE_NOT_FOUND::exception);
		if (!sender.is(message.author().login())) {
			throw ErrorCode.NOT_YOUR_MESSAGE.exception();
		}
		if (!conversation.isActive()) {
			throw ErrorCode.CONVERSATION_ALREADY_CLOSED.exception();
		}
		Message edited = message.edit(content, Timestamps.now(this.clock));
		this.messages.save(edited);
		this.events.publishEvent(new MessageEdited(edited));
		return edited;
	}

	/**
	 * Marks the conversation read by the caller up to {@code sequence}, or to its last
	 * message when {@code null}. Read marks count the messages the customer sees.
	 */
	@Transactional
	public ReadState markRead(Caller reader, ConversationId id, Long sequence) {
		Conversation conversation = this.conversations.lock(reader.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(reader)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		if (sequence != null && (sequence < 0 || sequence > conversation.lastSequence())) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		ReadState read = this.reads.markRead(id, reader.userId(),
				(sequence != null) ? sequence : conversation.lastSequence(), Timestamps.now(this.clock));
		if (!conversation.isCustomer(reader)) {
			// the customer's widget shows that the team read it
			this.events.publishEvent(new ConversationRead(id, reader.workspaceId(), Author.Type.MEMBER,
					read.lastReadSequence(), read.readAt()));
		}
		return read;
	}

	private Conversation visible(Caller reader, ConversationId id) {
		Conversation conversation = this.conversations.find(reader.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(reader)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		return conversation;
	}

	static boolean seesNotes(Caller reader, Conversation conversation) {
		return conversation.showsNotesTo(reader);
	}

	/**
	 * A signed-in person as their messages show them.
	 *
	 * @param name the name to show, or {@code null}
	 * @param avatarUrl the avatar to show, or {@code null}
	 */
	public record Sender(Caller caller, String name, String avatarUrl) {
	}

	/**
	 * A message as the writer answered for it.
	 *
	 * @param repeated whether it was stored already under its client id
	 */
	public record Posted(Message message, boolean repeated) {
	}

	public record Transcript(Conversation conversation, List<Message> messages) {
	}

	/**
	 * Messages in order; {@code nextCursor} is the position to pass on for the next page,
	 * or {@code null} when there is none.
	 */
	public record MessagePage(List<Message> messages, Position nextCursor) {
	}

}
