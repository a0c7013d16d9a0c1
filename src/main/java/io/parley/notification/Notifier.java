package io.parley.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.parley.conversation.ConversationAssigned;
import io.parley.conversation.ConversationId;
import io.parley.conversation.MembersMentioned;
import io.parley.conversation.Position;
import io.parley.identity.UserId;
import io.parley.system.Timestamps;
import io.parley.workspace.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the members' notifications once their cause is committed, each announced with
 * {@link NotificationRaised} in its transaction. Mentions and assignments come through
 * the event publication registry, so a crash delays them and never loses them; their
 * dedupe keys make a publication run again store nothing twice (decision 86).
 */
@Component
class Notifier {

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Notifier(Notifications notifications, ApplicationEventPublisher events, Clock clock) {
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Each member a note mentions, but its author. The ids name the listeners in the
	 * event publication table: renaming code keeps them.
	 */
	@ApplicationModuleListener(id = "notification-mentioned")
	void on(MembersMentioned event) {
		Position position = new Position(event.sequence(), event.note());
		for (UserId member : event.mentioned()) {
			if (!member.equals(event.authorId())) {
				add(event.workspaceId(), member, NotificationKind.MENTIONED, event.conversationId(), event.authorId(),
						position, event.excerpt(), 1, "mentioned:" + event.conversationId() + ":" + position);
			}
		}
	}

	/** The agent a conversation was given to, unless they took it themselves. */
	@ApplicationModuleListener(id = "notification-assigned")
	void on(ConversationAssigned event) {
		if (event.agentId() == null || event.again() || event.agentId().equals(event.assignedBy())) {
			return;
		}
		add(event.workspaceId(), event.agentId(), NotificationKind.ASSIGNED, event.conversationId(), event.assignedBy(),
				null, null, 1, "assigned:" + event.id());
	}

	/**
	 * Customer messages for the agent who handles their conversation: added to the
	 * agent's unread notification of it, or a new one when there is none.
	 * @param last the last of the messages
	 */
	@Transactional
	void customerWrote(WorkspaceId workspace, UserId agent, ConversationId conversation, int count, Position last,
			String excerpt) {
		String key = "new-message:" + conversation;
		Instant now = Timestamps.now(this.clock);
		Optional<Notification> added = this.notifications.addMessages(agent, key, count, last, excerpt, now);
		if (added.isPresent()) {
			raised(added.get());
			return;
		}
		add(workspace, agent, NotificationKind.NEW_MESSAGE, conversation, null, last, excerpt, count, key);
	}

	private void add(WorkspaceId workspace, UserId recipient, NotificationKind kind, ConversationId conversation,
			UserId actor, Position position, String excerpt, int count, String key) {
		Instant now = Timestamps.now(this.clock);
		Notification notification = new Notification(NotificationId.random(), workspace, recipient, kind, conversation,
				actor, position, excerpt, count, now, now, null);
		if (this.notifications.addOnce(notification, key)) {
			raised(notification);
		}
	}

	private void raised(Notification notification) {
		this.events.publishEvent(new NotificationRaised(notification,
				this.notifications.unreadCount(notification.workspaceId(), notification.recipientId())));
	}

}
