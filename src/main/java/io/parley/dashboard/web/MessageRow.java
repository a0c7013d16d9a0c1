package io.parley.dashboard.web;

import java.util.List;

import io.parley.conversation.Attachment;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Message;
import io.parley.conversation.MessageType;
import io.parley.conversation.Position;
import org.jspecify.annotations.Nullable;

/**
 * One message as the conversation page shows it. Its {@code position} ({@code 12} for a
 * message, {@code 12.3} for a note) is the key the live script deduplicates on; a mailed
 * reply's {@code delivery} is {@code pending}, {@code sent}, {@code failed} or
 * {@code bounced}.
 */
public record MessageRow(String position, long sequence, long note, boolean internal, boolean system, String authorType,
		String authorName, String content, String createdAt, boolean edited, List<String> attachmentNames,
		@Nullable String delivery) {

	static MessageRow of(Message message) {
		return of(message, null);
	}

	/**
	 * @param delivery what became of a reply a channel carries (a mailed one), or
	 * {@code null}
	 */
	static MessageRow of(Message message, @Nullable DeliveryState delivery) {
		String name = (message.author().name() != null) ? message.author().name() : "";
		return new MessageRow(Position.of(message).toString(), message.sequence(), message.note(), message.isInternal(),
				message.type() == MessageType.SYSTEM, message.author().type().value(), name, message.content(),
				message.createdAt().toString(), message.editedAt() != null,
				message.attachments().stream().map(Attachment::name).toList(),
				(delivery != null) ? delivery.value() : null);
	}

	/** Failed or bounced: shown with a badge and a retry button. */
	public boolean notDelivered() {
		return "failed".equals(this.delivery) || "bounced".equals(this.delivery);
	}

}
