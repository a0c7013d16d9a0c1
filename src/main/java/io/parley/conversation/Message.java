package io.parley.conversation;

import java.time.Instant;
import java.util.List;

import io.parley.identity.UserId;

/**
 * A message as stored. {@code sequence} numbers the messages the customer may see 1, 2,
 * 3, ... in the order they were committed, without gaps; an internal note or a system
 * message keeps the sequence of the visible message it follows and counts on its own in
 * {@code note} (0 for every other message).
 *
 * @param clientMessageId the id the sender's client gave it, or {@code null}
 * @param editedAt when the sender last edited it, or {@code null}
 * @param attachments the files it carries, in order (a {@code file} message's)
 * @param mentions the members an internal note mentions, in order; empty on every other
 * message
 */
public record Message(ConversationId conversationId, long sequence, long note, Author author, MessageType type,
		String content, String clientMessageId, Instant createdAt, Instant editedAt, List<Attachment> attachments,
		List<UserId> mentions) {

	/** The longest content a message may have, in UTF-16 code units. */
	public static final int MAX_LENGTH = 5000;

	/** The longest id a client may give its message. */
	public static final int MAX_CLIENT_ID_LENGTH = 100;

	/** The longest {@link #excerpt()}. */
	public static final int EXCERPT_LENGTH = 140;

	/** The most members one note may mention. */
	public static final int MAX_MENTIONS = 20;

	public Message {
		attachments = List.copyOf(attachments);
		mentions = List.copyOf(mentions);
	}

	/** A message without mentions. */
	public Message(ConversationId conversationId, long sequence, long note, Author author, MessageType type,
			String content, String clientMessageId, Instant createdAt, Instant editedAt, List<Attachment> attachments) {
		this(conversationId, sequence, note, author, type, content, clientMessageId, createdAt, editedAt, attachments,
				List.of());
	}

	/** A message without attachments. */
	public Message(ConversationId conversationId, long sequence, long note, Author author, MessageType type,
			String content, String clientMessageId, Instant createdAt, Instant editedAt) {
		this(conversationId, sequence, note, author, type, content, clientMessageId, createdAt, editedAt, List.of());
	}

	Message edit(String newContent, Instant at) {
		return new Message(this.conversationId, this.sequence, this.note, this.author, this.type, newContent,
				this.clientMessageId, this.createdAt, at, this.attachments, this.mentions);
	}

	/** This message with the attachments stored for it. */
	Message carrying(List<Attachment> stored) {
		return new Message(this.conversationId, this.sequence, this.note, this.author, this.type, this.content,
				this.clientMessageId, this.createdAt, this.editedAt, stored, this.mentions);
	}

	/** This message with the members it mentions. */
	Message mentioning(List<UserId> mentioned) {
		return new Message(this.conversationId, this.sequence, this.note, this.author, this.type, this.content,
				this.clientMessageId, this.createdAt, this.editedAt, this.attachments, mentioned);
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

	/**
	 * The start of what it says, for a notification: at most {@value #EXCERPT_LENGTH}
	 * characters, never half a surrogate pair.
	 */
	public String excerpt() {
		if (this.content.length() <= EXCERPT_LENGTH) {
			return this.content;
		}
		int end = Character.isHighSurrogate(this.content.charAt(EXCERPT_LENGTH - 1)) ? EXCERPT_LENGTH - 1
				: EXCERPT_LENGTH;
		return this.content.substring(0, end);
	}

	/** Seed 003's {@code senderRole}. */
	public String senderRole() {
		return this.author.role();
	}

}
