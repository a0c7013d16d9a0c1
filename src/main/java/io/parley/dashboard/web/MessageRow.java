package io.parley.dashboard.web;

import java.util.List;

import io.parley.conversation.Attachment;
import io.parley.conversation.Author;
import io.parley.conversation.ConversationId;
import io.parley.conversation.DeliveryState;
import io.parley.conversation.Message;
import io.parley.conversation.MessageType;
import io.parley.conversation.Position;
import io.parley.email.QuotedText;
import org.jspecify.annotations.Nullable;

/**
 * One message as the conversation page shows it; {@code mergedFrom} names the merged
 * conversation it comes from, or is {@code null}. Its {@code position} ({@code 12} for a
 * message, {@code 12.3} for a note) is the key the live script deduplicates on; a mailed
 * reply's {@code delivery} is {@code pending}, {@code sent}, {@code failed} or
 * {@code bounced}. A customer's mail shows what they wrote now as its {@code content},
 * its quoted history and signature folded away in {@code quoted} (decision 113).
 */
public record MessageRow(String position, long sequence, long note, boolean internal, boolean system, String authorType,
		String authorName, String content, String createdAt, boolean edited, List<FileRow> attachments,
		@Nullable String mergedFrom, @Nullable String delivery, @Nullable String quoted) {

	static MessageRow of(Message message) {
		return of(message, message.conversationId(), null, false);
	}

	/**
	 * A message of the page's conversation, or of one merged into it (decision 85): that
	 * one's rows carry no sequence of this conversation's, so the live resume and read
	 * marks count only this one's, and are keyed by their own conversation.
	 */
	static MessageRow of(Message message, ConversationId shown, @Nullable DeliveryState delivery, boolean byMail) {
		QuotedText.Split text = (byMail && message.author().type() == Author.Type.CONTACT)
				? QuotedText.split(message.content()) : new QuotedText.Split(message.content(), null);
		if (!message.conversationId().equals(shown)) {
			String id = message.conversationId().toString();
			String name = (message.author().name() != null) ? message.author().name() : "";
			return new MessageRow(id + "/" + Position.of(message), 0, 0, message.isInternal(),
					message.type() == MessageType.SYSTEM, message.author().type().value(), name, text.shown(),
					message.createdAt().toString(), message.editedAt() != null,
					message.attachments().stream().map(FileRow::of).toList(), "#" + id.substring(0, 8), null,
					text.quoted());
		}
		String name = (message.author().name() != null) ? message.author().name() : "";
		return new MessageRow(Position.of(message).toString(), message.sequence(), message.note(), message.isInternal(),
				message.type() == MessageType.SYSTEM, message.author().type().value(), name, text.shown(),
				message.createdAt().toString(), message.editedAt() != null,
				message.attachments().stream().map(FileRow::of).toList(), null,
				(delivery != null) ? delivery.value() : null, text.quoted());
	}

	/** Failed or bounced: shown with a badge and a retry button. */
	public boolean notDelivered() {
		return "failed".equals(this.delivery) || "bounced".equals(this.delivery);
	}

	/**
	 * A file the message carries, downloaded with the session from
	 * {@link AttachmentDownloadController#PATH}: an image shows as a thumbnail.
	 */
	public record FileRow(String name, String url, boolean image, long size) {

		static FileRow of(Attachment attachment) {
			return new FileRow(attachment.name(), attachment.url(AttachmentDownloadController.PATH),
					attachment.isImage(), attachment.size());
		}

	}

}
