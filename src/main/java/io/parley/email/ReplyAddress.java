package io.parley.email;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.parley.conversation.ConversationId;

/**
 * A conversation's own address in its mailbox, by plus addressing: for
 * {@code support@acme.com}, {@code support+reply-<id>@acme.com}. A client that drops the
 * threading headers still answers to it (decision 94).
 */
record ReplyAddress(String local, String domain) {

	private static final String TAG = "+reply-";

	static ReplyAddress of(String mailbox) {
		int at = mailbox.lastIndexOf('@');
		return new ReplyAddress(mailbox.substring(0, at), mailbox.substring(at + 1).toLowerCase(Locale.ROOT));
	}

	String of(ConversationId conversation) {
		return this.local + TAG + conversation.value().toString().replace("-", "") + "@" + this.domain;
	}

	Optional<ConversationId> conversationIn(List<String> recipients) {
		String prefix = (this.local + TAG).toLowerCase(Locale.ROOT);
		String suffix = "@" + this.domain;
		for (String recipient : recipients) {
			if (recipient.startsWith(prefix) && recipient.endsWith(suffix)) {
				String hex = recipient.substring(prefix.length(), recipient.length() - suffix.length());
				if (hex.matches("[0-9a-f]{32}")) {
					return Optional.of(new ConversationId(
							UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"))));
				}
			}
		}
		return Optional.empty();
	}

}
