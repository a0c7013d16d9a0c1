package io.parley.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;
import io.parley.contact.ContactId;
import io.parley.conversation.Conversation.Context;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.WorkspaceId;

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

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConversationIntake(Conversations conversations, Messages messages, ContactDirectory contacts,
			ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.messages = messages;
		this.contacts = contacts;
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
		MessageLog.requireWellFormed(content, clientMessageId);
		Contact contact = this.contacts.find(workspace, contactId).orElseThrow(ErrorCode.CONTACT_NOT_FOUND::exception);
		return start(workspace, contact, channel, context, content, clientMessageId, false);
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
		return start(workspace, contact, Channel.WEB, context, message, clientMessageId, true);
	}

	private Started start(WorkspaceId workspace, Contact contact, Channel channel, Context context, String content,
			String clientMessageId, boolean leftOffline) {
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
		Conversation conversation = Conversation.start(workspace, contactId, null, null, channel, Priority.NORMAL,
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
