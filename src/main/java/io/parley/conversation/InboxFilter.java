package io.parley.conversation;

import java.util.Set;

import io.parley.identity.UserId;

/**
 * What the inbox lists; {@code null} or empty parts do not filter.
 *
 * @param assignee {@link Assignee#ME}, {@link Assignee#UNASSIGNED}, or
 * {@link Assignee#ANYONE}; with {@code agentId} for one agent's conversations
 * @param sleep whether snoozed conversations are listed, or only they
 * @param text matched, ignoring case, against the subject, the contact's name and email,
 * and the messages the caller may read
 */
public record InboxFilter(Set<ConversationStatus> statuses, Assignee assignee, UserId agentId, Priority priority,
		Channel channel, String tag, String text, Sleep sleep) {

	/** Snoozed or not, both alike (decision 83). */
	public InboxFilter(Set<ConversationStatus> statuses, Assignee assignee, UserId agentId, Priority priority,
			Channel channel, String tag, String text) {
		this(statuses, assignee, agentId, priority, channel, tag, text, Sleep.ANY);
	}

	/** Whether the list holds the snoozed conversations (decision 83). */
	public enum Sleep {

		/** Those not snoozed now: the inbox's working views. */
		AWAKE,
		/** Those snoozed now. */
		ASLEEP,
		/** Both. */
		ANY

	}

	public enum Assignee {

		ME, UNASSIGNED, ANYONE, AGENT

	}

}
