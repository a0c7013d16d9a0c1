package io.parley.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.parley.contact.ContactId;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.WorkspaceId;

/**
 * A contact's request for support, routed to an agent. The aggregate guards its lifecycle
 * and the sequence of its messages.
 */
public final class Conversation {

	/**
	 * How finely messages move a conversation up the inbox: a conversation that moved
	 * less than this ago keeps its place. The inbox's order is indexed, so on PostgreSQL
	 * an update that leaves the time alone is a HOT update, touching no index; a busy
	 * conversation thus updates its indexes once a second, not once a message.
	 */
	static final Duration ACTIVITY_RESOLUTION = Duration.ofSeconds(1);

	private final ConversationId id;

	private final WorkspaceId workspaceId;

	private final ContactId contactId;

	private final UserId candidateId;

	private final UserId supervisorId;

	private UserId agentId;

	private ConversationStatus status;

	private final Channel channel;

	private Priority priority;

	private final Context context;

	private long lastSequence;

	private long lastNote;

	private final Instant createdAt;

	private Instant updatedAt;

	private final boolean leftOffline;

	private Instant firstResponseAt;

	/**
	 * When it last became resolved or closed from another status; stale (and ignored, see
	 * {@link #resolvedAt()}) once the customer reopened it.
	 */
	private Instant resolvedAt;

	/** The conversation this one was merged into, or {@code null}. */
	private ConversationId mergedInto;

	/** What happened since the last save, published when it is saved. */
	private final List<Object> events = new ArrayList<>();

	private boolean opened;

	private boolean changed;

	Conversation(ConversationId id, WorkspaceId workspaceId, ContactId contactId, UserId candidateId,
			UserId supervisorId, UserId agentId, ConversationStatus status, Channel channel, Priority priority,
			Context context, long lastSequence, long lastNote, Instant createdAt, Instant updatedAt) {
		this(id, workspaceId, contactId, candidateId, supervisorId, agentId, status, channel, priority, context,
				lastSequence, lastNote, createdAt, updatedAt, false, null, null);
	}

	/**
	 * @param leftOffline whether the customer left it through the offline form
	 * @param firstResponseAt when the staff first answered, or {@code null}
	 * @param resolvedAt when it last became resolved or closed, or {@code null}
	 */
	Conversation(ConversationId id, WorkspaceId workspaceId, ContactId contactId, UserId candidateId,
			UserId supervisorId, UserId agentId, ConversationStatus status, Channel channel, Priority priority,
			Context context, long lastSequence, long lastNote, Instant createdAt, Instant updatedAt,
			boolean leftOffline, Instant firstResponseAt, Instant resolvedAt) {
		this(id, workspaceId, contactId, candidateId, supervisorId, agentId, status, channel, priority, context,
				lastSequence, lastNote, createdAt, updatedAt, leftOffline, firstResponseAt, resolvedAt, null);
	}

	/**
	 * @param mergedInto the conversation this one was merged into, or {@code null}
	 */
	Conversation(ConversationId id, WorkspaceId workspaceId, ContactId contactId, UserId candidateId,
			UserId supervisorId, UserId agentId, ConversationStatus status, Channel channel, Priority priority,
			Context context, long lastSequence, long lastNote, Instant createdAt, Instant updatedAt,
			boolean leftOffline, Instant firstResponseAt, Instant resolvedAt, ConversationId mergedInto) {
		this.mergedInto = mergedInto;
		this.id = id;
		this.workspaceId = workspaceId;
		this.contactId = contactId;
		this.candidateId = candidateId;
		this.supervisorId = supervisorId;
		this.agentId = agentId;
		this.status = status;
		this.channel = channel;
		this.priority = priority;
		this.context = context;
		this.lastSequence = lastSequence;
		this.lastNote = lastNote;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.leftOffline = leftOffline;
		this.firstResponseAt = firstResponseAt;
		this.resolvedAt = resolvedAt;
	}

	/**
	 * A new conversation.
	 * @param candidateId the contact's login when they opened it themselves, or
	 * {@code null}
	 * @param supervisorId the supervisor it is sent to (seed 003), or {@code null}
	 */
	static Conversation start(WorkspaceId workspace, ContactId contact, UserId candidateId, UserId supervisorId,
			Channel channel, Priority priority, Context context, Instant now) {
		return start(workspace, contact, candidateId, supervisorId, channel, priority, context, false, now);
	}

	/**
	 * A new conversation.
	 * @param leftOffline whether the customer leaves it through the offline form
	 */
	static Conversation start(WorkspaceId workspace, ContactId contact, UserId candidateId, UserId supervisorId,
			Channel channel, Priority priority, Context context, boolean leftOffline, Instant now) {
		Conversation conversation = new Conversation(ConversationId.random(), workspace, contact, candidateId,
				supervisorId, null, ConversationStatus.OPEN, channel, priority, context, 0, 0, now, now, leftOffline,
				null, null);
		conversation.opened = true;
		return conversation;
	}

	/**
	 * Members allowed to see every conversation see it; others only when they take part
	 * in it or it was sent to them.
	 */
	public boolean isVisibleTo(Caller caller) {
		return ConversationAccess.sees(caller, this.workspaceId, this.supervisorId, this.candidateId, this.agentId);
	}

	/** The candidate who opened it, or the agent it is assigned to now. */
	public boolean hasParticipant(Caller caller) {
		return caller.workspaceId().equals(this.workspaceId)
				&& (caller.is(this.candidateId) || caller.is(this.agentId));
	}

	/** Whether the reader sees this conversation's internal notes. */
	public boolean showsNotesTo(Caller reader) {
		return ConversationAccess.showsNotes(reader, this.candidateId);
	}

	/** Whether the caller is the customer of this conversation rather than the staff. */
	boolean isCustomer(Caller caller) {
		return caller.is(this.candidateId);
	}

	ConversationAssigned assignTo(Member agent, UserId assignedBy, String reason, Instant now) {
		requireNotClosed();
		UserId previous = this.agentId;
		boolean again = agent.userId().equals(previous);
		this.agentId = agent.userId();
		touch(now);
		ConversationAssigned assigned = new ConversationAssigned(UUID.randomUUID(), this.id, this.workspaceId,
				this.supervisorId, agent.userId(), again ? null : previous, assignedBy, reason, this.updatedAt, again);
		this.events.add(assigned);
		return assigned;
	}

	/**
	 * Takes the conversation back from its agent, who can no longer handle it: it returns
	 * to the team unassigned, and to {@code open} if the agent had started on it.
	 */
	ConversationAssigned release(UserId releasedBy, String reason, Instant now) {
		requireNotClosed();
		UserId previous = this.agentId;
		this.agentId = null;
		if (this.status == ConversationStatus.ASSIGNED) {
			this.status = ConversationStatus.OPEN;
		}
		touch(now);
		ConversationAssigned released = new ConversationAssigned(UUID.randomUUID(), this.id, this.workspaceId,
				this.supervisorId, null, previous, releasedBy, reason, this.updatedAt, false);
		this.events.add(released);
		return released;
	}

	/** A participant joins; the assigned agent's first join starts the handling. */
	void admit(Caller participant, Instant now) {
		requireNotClosed();
		if (participant.is(this.agentId) && this.status == ConversationStatus.OPEN) {
			this.status = ConversationStatus.ASSIGNED;
			touch(now);
		}
	}

	/**
	 * Merges this conversation into {@code target}, another active conversation of the
	 * same contact that was not merged itself: this one is closed and points at the
	 * target, whose history reads the messages of both (decision 84). No message moves.
	 * @param mergedBy who merges them, checked already
	 * ({@link ConversationAccess#mayMerge})
	 */
	ConversationMerged mergeInto(Conversation target, UserId mergedBy, Instant now) {
		requireMergeableInto(target);
		this.mergedInto = target.id;
		ConversationMerged merged = new ConversationMerged(UUID.randomUUID(), ConversationSnapshot.of(this), target.id,
				mergedBy, now);
		this.events.add(merged);
		close(mergedBy, null, now);
		target.touch(now);
		return merged;
	}

	/** Refuses a merge into {@code target} that {@link #mergeInto} would refuse. */
	void requireMergeableInto(Conversation target) {
		if (target.id.equals(this.id)) {
			throw ErrorCode.MERGE_INTO_ITSELF.exception();
		}
		if (!target.workspaceId.equals(this.workspaceId)) {
			throw ErrorCode.CONVERSATION_NOT_FOUND.exception();
		}
		if (!target.contactId.equals(this.contactId)) {
			throw ErrorCode.MERGE_OTHER_CONTACT.exception();
		}
		if (!isActive() || !target.isActive() || this.mergedInto != null || target.mergedInto != null) {
			throw ErrorCode.CONVERSATION_NOT_MERGEABLE.exception();
		}
	}

	/** Whether the caller may close it, by any route (see {@link ConversationAccess}). */
	boolean mayClose(Caller caller) {
		return ConversationAccess.mayClose(caller, this);
	}

	/**
	 * Closes a conversation no agent has joined (seed 003
	 * {@code POST /conversations/:id/close}).
	 */
	ConversationClosed closeUnanswered(UserId closedBy, Instant now) {
		requireNotClosed();
		if (this.status != ConversationStatus.OPEN) {
			throw ErrorCode.CONVERSATION_NOT_OPEN.exception();
		}
		return close(closedBy, null, now);
	}

	/** The assigned agent closes the conversation they handle. */
	ConversationClosed closeAsAgent(UserId agent, String origin, Instant now) {
		requireNotClosed();
		if (this.status == ConversationStatus.OPEN) {
			throw ErrorCode.CONVERSATION_NOT_YET_ASSIGNED.exception();
		}
		return close(agent, origin, now);
	}

	/**
	 * The staff moves the conversation to another status; {@code assigned} needs an
	 * agent. Closing this way is final too.
	 * @param changedBy who changes it
	 */
	void changeStatus(ConversationStatus next, UserId changedBy, Instant now) {
		requireNotClosed();
		if (next == this.status) {
			return;
		}
		if (!this.status.next().contains(next) || (next == ConversationStatus.ASSIGNED && this.agentId == null)) {
			throw ErrorCode.STATUS_CHANGE_NOT_ALLOWED.exception();
		}
		if (next == ConversationStatus.CLOSED) {
			close(changedBy, null, now);
			return;
		}
		this.events.add(new ConversationStatusChanged(UUID.randomUUID(), this.id, this.workspaceId, this.status, next,
				changedBy));
		settle(next, now);
		this.status = next;
		touch(now);
	}

	void prioritize(Priority priority, Instant now) {
		requireNotClosed();
		this.priority = priority;
		touch(now);
	}

	/**
	 * Marks a change the staff's inboxes show, such as tags: the conversation moves up
	 * and is announced anew when saved.
	 */
	void touch(Instant now) {
		this.updatedAt = now;
		this.changed = true;
	}

	/**
	 * Whether the author may write a message of this type (see
	 * {@link ConversationAccess}).
	 */
	boolean admitsWriting(Caller caller, Author author, MessageType type) {
		return ConversationAccess.mayWrite(caller, author, type, this);
	}

	/**
	 * Appends a message the author may write: visible messages take the next sequence,
	 * internal notes and system messages, which only the staff see, the next note number.
	 * The customer writing again brings a waiting or resolved conversation back. Only
	 * Parley writes to a closed conversation, to tell that it was closed.
	 */
	Message append(Author author, MessageType type, String content, String clientMessageId, Instant now) {
		return append(author, type, content, clientMessageId, List.of(), now);
	}

	/**
	 * {@link #append(Author, MessageType, String, String, Instant)} with the files a
	 * {@code file} message carries. The staff's first visible message is their first
	 * response, except in a conversation they opened themselves (channel {@code api}),
	 * where nobody waited.
	 */
	Message append(Author author, MessageType type, String content, String clientMessageId,
			List<Attachment> attachments, Instant now) {
		if (type != MessageType.SYSTEM) {
			requireNotClosed();
		}
		if (!now.isBefore(this.updatedAt.plus(ACTIVITY_RESOLUTION))) {
			this.updatedAt = now;
		}
		if (type.isInternal()) {
			this.lastNote++;
			return new Message(this.id, this.lastSequence, this.lastNote, author, type, content, clientMessageId, now,
					null);
		}
		if (author instanceof Author.Contact
				&& (this.status == ConversationStatus.RESOLVED || this.status == ConversationStatus.WAITING)) {
			// the resolution is undone; saveAppended writes no resolvedAt, which the
			// status
			// makes stale (see resolvedAt())
			this.resolvedAt = null;
			this.status = (this.agentId != null) ? ConversationStatus.ASSIGNED : ConversationStatus.OPEN;
			this.changed = true;
		}
		if (author instanceof Author.Member && this.firstResponseAt == null && this.channel != Channel.API) {
			this.firstResponseAt = now;
		}
		this.lastSequence++;
		return new Message(this.id, this.lastSequence, 0, author, type, content, clientMessageId, now, null,
				attachments);
	}

	/**
	 * The note just appended mentions these members, checked already: recorded as
	 * {@link MembersMentioned}, which is published with the commit.
	 */
	Message mention(Message note, List<UserId> members) {
		Message mentioning = note.mentioning(members);
		this.events.add(new MembersMentioned(this.workspaceId, this.id, mentioning.sequence(), mentioning.note(),
				mentioning.author().login(), members, mentioning.excerpt(), mentioning.createdAt()));
		return mentioning;
	}

	/**
	 * How a signed-in person is shown as this conversation's author: its customer as the
	 * contact, anyone else as a member of the staff.
	 */
	Author authorFor(Caller caller, String name, String avatarUrl) {
		return isCustomer(caller) ? new Author.Contact(this.contactId, caller.userId(), name, avatarUrl)
				: new Author.Member(caller.userId(), caller.role(), name, avatarUrl);
	}

	/**
	 * The events recorded since the last call, in order, ending with what the inboxes
	 * show of the conversation now: {@link ConversationOpened} for a new one,
	 * {@link ConversationChanged} for a changed one.
	 */
	List<Object> releaseEvents() {
		List<Object> released = new ArrayList<>(this.events.size() + 1);
		if (this.opened) {
			released.add(new ConversationOpened(ConversationSnapshot.of(this)));
		}
		released.addAll(this.events);
		if (this.changed && !this.opened) {
			released.add(new ConversationChanged(ConversationSnapshot.of(this)));
		}
		this.events.clear();
		this.opened = false;
		this.changed = false;
		return released;
	}

	private ConversationClosed close(UserId closedBy, String origin, Instant now) {
		settle(ConversationStatus.CLOSED, now);
		this.status = ConversationStatus.CLOSED;
		touch(now);
		ConversationClosed closed = new ConversationClosed(UUID.randomUUID(), this.id, this.workspaceId, closedBy,
				origin);
		this.events.add(closed);
		return closed;
	}

	/**
	 * Stops the resolution clock when the conversation becomes resolved or closed from a
	 * status that was neither; closing a resolved conversation keeps the time it was
	 * resolved (docs/reports.md).
	 */
	private void settle(ConversationStatus next, Instant now) {
		boolean settles = next == ConversationStatus.RESOLVED || next == ConversationStatus.CLOSED;
		if (settles && !isSettled()) {
			this.resolvedAt = now;
		}
		else if (!settles) {
			this.resolvedAt = null;
		}
	}

	private void requireNotClosed() {
		if (this.status == ConversationStatus.CLOSED) {
			throw ErrorCode.CONVERSATION_ALREADY_CLOSED.exception();
		}
	}

	public ConversationId id() {
		return this.id;
	}

	public WorkspaceId workspaceId() {
		return this.workspaceId;
	}

	public ContactId contactId() {
		return this.contactId;
	}

	/** The contact's login when they opened it themselves (seed 003), or {@code null}. */
	public UserId candidateId() {
		return this.candidateId;
	}

	/** The supervisor it was sent to, or {@code null}. */
	public UserId supervisorId() {
		return this.supervisorId;
	}

	/** The assigned agent, or {@code null}. */
	public UserId agentId() {
		return this.agentId;
	}

	public ConversationStatus status() {
		return this.status;
	}

	public Channel channel() {
		return this.channel;
	}

	public Priority priority() {
		return this.priority;
	}

	public Context context() {
		return this.context;
	}

	/** Whether the customer left it through the offline form, with nobody there. */
	public boolean leftOffline() {
		return this.leftOffline;
	}

	/** When the staff first answered the customer, or {@code null}. */
	public Instant firstResponseAt() {
		return this.firstResponseAt;
	}

	/**
	 * When it last became resolved or closed, while it is; {@code null} while it is not.
	 */
	public Instant resolvedAt() {
		return isSettled() ? this.resolvedAt : null;
	}

	/** Whether it is resolved or closed: what its customer may rate. */
	public boolean isSettled() {
		return this.status == ConversationStatus.RESOLVED || this.status == ConversationStatus.CLOSED;
	}

	public boolean isActive() {
		return this.status != ConversationStatus.CLOSED;
	}

	/** The conversation this one was merged into, or {@code null}. */
	public ConversationId mergedInto() {
		return this.mergedInto;
	}

	/** The sequence of the last message the customer may see. */
	public long lastSequence() {
		return this.lastSequence;
	}

	/** The number of the last internal note. */
	public long lastNote() {
		return this.lastNote;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * What the conversation is about and where it started (seed 004); every part may be
	 * {@code null}.
	 */
	public record Context(String subject, String pageUrl, String referrer) {

		public static final Context NONE = new Context(null, null, null);

	}

}
