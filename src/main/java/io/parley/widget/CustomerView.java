package io.parley.widget;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.conversation.Attachment;
import io.parley.conversation.Author;
import io.parley.conversation.Conversation;
import io.parley.conversation.Message;
import io.parley.conversation.QueueEstimate;
import io.parley.conversation.Rating;
import io.parley.system.Timestamps;

/**
 * What a visitor is shown of their conversations and messages (the contract's customer
 * view): no internal notes, no staff lines, no tags, assignment reasons or staff read
 * marks.
 */
public final class CustomerView {

	private CustomerView() {
	}

	/**
	 * A conversation as its visitor sees it.
	 *
	 * @param agent who answers, or {@code null} while nobody does
	 * @param queue the place in the queue while nobody answers, or {@code null}
	 * @param rating the visitor's rating once given, or {@code null}
	 * @param mergedInto the conversation this one was merged into, where it goes on (a
	 * conversation of the same visitor), or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record ConversationView(String id, String status, String createdAt, long lastSequence, AgentView agent,
			QueueView queue, RatingView rating, String mergedInto) {

		static ConversationView of(Conversation conversation, AgentView agent, QueueEstimate queue, Rating rating) {
			return new ConversationView(conversation.id().toString(), conversation.status().value(),
					Timestamps.format(conversation.createdAt()), conversation.lastSequence(), agent,
					(queue != null) ? new QueueView(queue.position(), queue.expectedWaitSeconds()) : null,
					(rating != null)
							? new RatingView(rating.score(), rating.comment(), Timestamps.format(rating.ratedAt()))
							: null,
					(conversation.mergedInto() != null) ? conversation.mergedInto().toString() : null);
		}

	}

	/**
	 * The visitor's place among the unanswered conversations (1 is next) and the expected
	 * wait, {@code null} while the workspace has no recent answers to tell it from.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record QueueView(int position, Long expectedWaitSeconds) {
	}

	/** The visitor's rating of the conversation. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record RatingView(int score, String comment, String ratedAt) {
	}

	/** The agent who answers, as the widget shows them. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record AgentView(String name, String avatarUrl, String presence) {
	}

	/** A message as its visitor sees it. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record MessageView(long sequence, String content, String type, String createdAt, String clientMessageId,
			AuthorView author, List<AttachmentView> attachments) {

		public static MessageView of(Message message) {
			return new MessageView(message.sequence(), message.content(), message.type().value(),
					Timestamps.format(message.createdAt()), message.clientMessageId(), AuthorView.of(message.author()),
					message.attachments().stream().map(AttachmentView::of).toList());
		}

	}

	/** A file of a message, downloaded with the visitor token. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record AttachmentView(String id, String name, String contentType, long size, String url, boolean image) {

		static AttachmentView of(Attachment attachment) {
			return new AttachmentView(attachment.id().toString(), attachment.name(), attachment.contentType(),
					attachment.size(), attachment.url(Attachment.VISITOR_PATH), attachment.isImage());
		}

	}

	/** Who wrote a message: the visitor themselves ({@code contact}), an agent, a bot. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	public record AuthorView(String type, String id, String name, String avatarUrl) {

		static AuthorView of(Author author) {
			return new AuthorView(author.type().value(), (author.id() != null) ? author.id().toString() : null,
					author.name(), author.avatarUrl());
		}

	}

}
