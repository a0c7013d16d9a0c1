package io.parley.conversation;

import java.util.function.Function;

import io.parley.identity.UserId;

/**
 * The line a change of a conversation adds to the staff's transcript, in plain English,
 * naming who did what. Names come from {@code names}, which answers {@code null} for
 * someone it does not know.
 */
final class SystemLine {

	private SystemLine() {
	}

	static String assigned(ConversationAssigned event, Function<UserId, String> names) {
		String by = name(event.assignedBy(), names);
		String line;
		if (event.agentId() == null) {
			line = by + " unassigned " + name(event.previousAgentId(), names) + " from this conversation";
		}
		else if (event.agentId().equals(event.assignedBy())) {
			line = by + " assigned this conversation to themselves";
		}
		else if (event.previousAgentId() != null) {
			line = by + " reassigned this conversation from " + name(event.previousAgentId(), names) + " to "
					+ name(event.agentId(), names);
		}
		else {
			line = by + " assigned this conversation to " + name(event.agentId(), names);
		}
		return fit((event.reason() != null && !event.reason().isBlank()) ? line + " (" + event.reason() + ")" : line);
	}

	static String statusChanged(ConversationStatusChanged event, Function<UserId, String> names) {
		return fit(name(event.changedBy(), names) + " changed the status from " + event.from().value() + " to "
				+ event.to().value());
	}

	static String closed(ConversationClosed event, Function<UserId, String> names) {
		return fit(name(event.closedBy(), names) + " closed this conversation");
	}

	/** The line in the conversation merged, which points at the other. */
	static String merged(ConversationMerged event, Function<UserId, String> names) {
		return fit(name(event.mergedBy(), names) + " merged this conversation into " + label(event.intoId()));
	}

	/** The line in the conversation merged into. */
	static String mergedHere(ConversationMerged event, Function<UserId, String> names) {
		return fit(
				name(event.mergedBy(), names) + " merged " + label(event.conversationId()) + " into this conversation");
	}

	/** How a line names a conversation: {@code #} and the start of its id. */
	static String label(ConversationId conversation) {
		return "#" + conversation.toString().substring(0, 8);
	}

	private static String name(UserId user, Function<UserId, String> names) {
		if (user == null) {
			return "Parley";
		}
		String name = names.apply(user);
		return (name != null && !name.isBlank()) ? name : "A former member";
	}

	/**
	 * A reason is the author's own text and may be long: the line is cut to a message.
	 */
	private static String fit(String line) {
		if (line.length() <= Message.MAX_LENGTH) {
			return line;
		}
		int cut = Message.MAX_LENGTH - 1;
		return line.substring(0, Character.isHighSurrogate(line.charAt(cut - 1)) ? cut - 1 : cut) + "…";
	}

}
