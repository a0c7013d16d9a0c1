package io.parley.conversation;

import java.util.regex.Pattern;

/**
 * The instants that start and stop the clocks of the reports (docs/reports.md), as SQL
 * over the {@code conversations} table, beside the aggregate that sets them: the Java
 * rules are {@link Conversation#createdAt()}, {@link Conversation#firstResponseAt()} and
 * {@link Conversation#resolvedAt()}.
 */
public final class ConversationClocks {

	private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_]*");

	private ConversationClocks() {
	}

	/**
	 * When the customer started waiting: the conversation's creation, which for the
	 * widget and email is their first message.
	 */
	public static String startedAt(String conversation) {
		return alias(conversation) + ".created_at";
	}

	/**
	 * The staff's first visible message ({@code NULL} before it, and for conversations
	 * the staff opened themselves).
	 */
	public static String firstResponseAt(String conversation) {
		return alias(conversation) + ".first_response_at";
	}

	/**
	 * When it last became resolved or closed, while it is ({@code NULL} otherwise: the
	 * stored time is stale once a customer reopened it).
	 */
	public static String resolvedAt(String conversation) {
		String c = alias(conversation);
		return "(CASE WHEN " + c + ".status IN ('resolved', 'closed') THEN " + c + ".resolved_at END)";
	}

	private static String alias(String alias) {
		if (!ALIAS.matcher(alias).matches()) {
			throw new IllegalArgumentException("Not a table alias: " + alias);
		}
		return alias;
	}

}
