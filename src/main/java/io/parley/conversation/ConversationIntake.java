package io.parley.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;
import io.parley.contact.ContactId;
import io.parley.conversation.Conversation.Context;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A contact starts a conversation on a channel with its first message (seed 002's lazy
 * creation: nothing exists before the customer writes). The widget and the email channel
 * call it. The conversation and its first message commit together; a repeat of the same
 * {@code clientMessageId} by the same contact returns what the first call made.
 */
@Service
public class ConversationIntake {

	private final Conversations conversations;

	private final Messages messages;

	private final ContactDirectory contacts;

	private final MemberDirectory members;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConversationIntake(Conversations conversations, Messages messages, ContactDirectory contacts,
			MemberDirectory members, ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.contacts = contacts;
		this.members = members;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param clientMessageId the client's own id for the first message, or {@code null}
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONTACT_NOT_FOUND} for a
	 * contact of another workspace, {@link ErrorCode#INVALID_REQUEST_SCHEMA} for a
	 * malformed message
	 */
	@Transactional
	public Started start(WorkspaceId workspace, ContactId contactId, Channel channel, Context context, String content,
			String clientMessageId) {
		return start(workspace, contactId, channel, context, content, clientMessageId, null);
	}

	/**
	 * {@link #start(WorkspaceId, ContactId, Channel, Context, String, String)}, the
	 * conversation sent to a supervisor who routes it to their agents, as a candidate's
	 * request is (seed 003): an email inbox's default supervisor (decision 114). One who
	 * may no longer assign conversations, or left the workspace, is passed over: the
	 * conversation waits for whoever oversees the whole workspace.
	 * @param supervisor the member to send it to, or {@code null}
	 */
	@Transactional
	public Started start(WorkspaceId workspace, ContactId contactId, Channel channel, Context context, String content,
			String clientMessageId, @Nullable UserId supervisor) {
		MessageLog.requireWellFormed(content, clientMessageId);
		Contact contact = this.contacts.find(workspace, contactId).orElseThrow(ErrorCode.CONTACT_NOT_FOUND::exception);
		UserId routed = (supervisor == null) ? null
				: this.members.find(workspace, supervisor)
					.filter((member) -> member.can(Permission.ASSIGN_CONVERSATION))
					.map(Member::userId)
					.orElse(null);
		return start(workspace, contact, channel, context, content, clientMessageId, false, routed);
	}

	/**
	 * A visitor leaves a message through the widget's offline form while nobody is there
	 * to answer: the contact with their email (created when there is none) starts a
	 * conversation on the {@code web} channel, marked as left offline, as any other
	 * conversation a contact starts.
	 * @param name the name they gave, or {@code null}
	 * @param clientMessageId the form's own id for the message, or {@code null}: a repeat
	 * returns what the first submission made
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a malformed email, name or message
	 */
	@Transactional
	public Started leaveOffline(WorkspaceId workspace, String name, String email, String message, Context context,
			String clientMessageId) {
		MessageLog.requireWellFormed(message, clientMessageId);
		Contact contact = this.contacts.byEmail(workspace, email, name);
		return start(workspace, contact, Channel.WEB, context, message, clientMessageId, true, null);
	}

	private Started start(WorkspaceId workspace, Contact contact, Channel channel, Context context, String content,
			String clientMessageId, boolean leftOffline, @Nullable UserId supervisor) {
		ContactId contactId = contact.id();
		// seen first: its update locks the contact's row, so a retry racing this call
		// waits and then finds what this one made
		this.contacts.seen(workspace, contactId);
		if (clientMessageId != null) {
			Optional<Message> earlier = this.messages.firstOfContact(contactId, clientMessageId);
			if (earlier.isPresent()) {
				Conversation conversation = this.conversations.find(workspace, earlier.get().conversationId())
					.orElseThrow();
				return new Started(conversation, earlier.get(), true);
			}
		}
		Instant now = Timestamps.now(this.clock);
		Conversation conversation = Conversation.start(workspace, contactId, null, supervisor, channel, Priority.NORMAL,
				context, leftOffline, now);
		Author author = new Author.Contact(contactId, contact.userId(), contact.name(), null);
		// nobody else knows the conversation yet: its first number is safe to take here
		Message first = conversation.append(author, MessageType.TEXT, content, clientMessageId, now);
		this.conversations.add(conversation);
		this.messages.addAll(List.of(first));
		this.conversations.saveAppended(List.of(conversation));
		// as every message, announced once committed
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ConversationIntake.this.events.publishEvent(new MessagePosted(first, null));
			}
		});
		return new Started(conversation, first, false);
	}

	/**
	 * @param repeated whether it was made by an earlier call with the same client id
	 */
	public record Started(Conversation conversation, Message message, boolean repeated) {
	}

}
