package io.parley.notification;

import java.util.Optional;

/** What a notification tells its member. */
public enum NotificationKind {

	/** An internal note mentions them. */
	MENTIONED,

	/** Someone else gave them a conversation. */
	ASSIGNED,

	/**
	 * The customer wrote in a conversation they handle; one per conversation while
	 * unread, counting the messages.
	 */
	NEW_MESSAGE;

	static Optional<NotificationKind> parse(String value) {
		for (NotificationKind kind : values()) {
			if (kind.name().equals(value)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

}
