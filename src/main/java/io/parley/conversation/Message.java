package io.parley.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A message as stored. {@code sequence} numbers the messages the customer may see 1, 2,
 * 3, ... in the order they were committed, without gaps; an internal note or a system
 * message keeps the sequence of the visible message it follows and counts on its own in
 * {@code note} (0 for every other message).
 *
 * @param clientMessageId the id the sender's client gave it, or {@code null}
 * @param editedAt when the sender last edited it, or {@code null}
 * @param attachments the files it carries, in order (a {@code file} message's)
 */
public record Message(ConversationId conversationId, long sequence, long note, Author author, MessageType type,
		String content, String clientMessageId, Instant createdAt, Instant editedAt, List<Attachment> attachments) {

	/** The longest content a message may have, in UTF-16 code units. */
	public static final int MAX_LENGTH = 5000;

	/** The longest id a client may give its message. */
	public static final int MAX_CLIENT_ID_LENGTH = 100;

	public Message {
		attachments = List.copyOf(attachments);
	}

	/** A message without attachments. */
	public Message(ConversationId conversationId, long sequence, long note, Author author, MessageType type,
			String content, String clientMessageId, Instant createdAt, Instant editedAt) {
		this(conversationId, sequence, note, author, type, content, clientMessageId, createdAt, editedAt, List.of());
	}

	Message edit(String newContent, Instant at) {
		return new Message(this.conversationId, this.sequence, this.note, this.author, this.type, newContent,
				this.clientMessageId, this.createdAt, at, this.attachments);
	}

	/** This message with the attachments stored for it. */
	Message carrying(List<Attachment> stored) {
		return new Message(this.conversationId, this.sequence, this.note, this.author, this.type, this.content,
				this.clientMessageId, this.createdAt, this.editedAt, stored);
	}

	/**
	 * Whether the message is in the staff's stream, numbered as notes: an internal note
	 * or a system message, which customers never see.
	 */
	public boolean isInternal() {
		return this.note > 0;
	}

	/**
	 * Seed 003's {@code senderId}: the login that wrote it, else the author's id, else
	 * {@code null} (the system).
	 */
	public String senderId() {
		if (this.author.login() != null) {
			return this.author.login().toString();
		}
		return (this.author.id() != null) ? this.author.id().toString() : null;
	}

	/** Seed 003's {@code senderRole}. */
	public String senderRole() {
		return this.author.role();
	}

}
