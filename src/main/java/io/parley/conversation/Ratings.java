package io.parley.conversation;

import java.time.Clock;
import java.util.Optional;

import io.parley.contact.ContactId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer rates a conversation once it is resolved or closed, once: a score from 1
 * to 5 and an optional comment, kept with the conversation for the staff and the reports.
 */
@Service
public class Ratings {

	private final Conversations conversations;

	private final ConversationRatings ratings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Ratings(Conversations conversations, ConversationRatings ratings, ApplicationEventPublisher events, Clock clock) {
		this.conversations = conversations;
		this.ratings = ratings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The rating of a conversation the caller already found as theirs (the widget's
	 * visitor reads their own), or empty before it is rated.
	 */
	@Transactional(readOnly = true)
	public Optional<Rating> of(Conversation conversation) {
		return this.ratings.of(conversation.id());
	}

	/**
	 * The conversation's contact (the widget's visitor) rates it; another contact's
	 * conversation is not found.
	 * @param comment what they add, or {@code null}
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a score out of range or a comment too long,
	 * {@link ErrorCode#CONVERSATION_NOT_FOUND},
	 * {@link ErrorCode#CONVERSATION_NOT_RESOLVED} before it is resolved,
	 * {@link ErrorCode#ALREADY_RATED} for a second rating
	 */
	@Transactional
	public Rating rate(WorkspaceId workspace, ContactId contact, ConversationId id, int score, String comment) {
		Rating rating = rating(score, comment);
		Conversation conversation = this.conversations.lock(workspace, id)
			.filter((found) -> found.contactId().equals(contact))
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		return rate(conversation, rating);
	}

	/**
	 * A customer with a login (a seed-003 candidate) rates their own conversation, as
	 * {@link #rate(WorkspaceId, ContactId, ConversationId, int, String)}.
	 */
	@Transactional
	public Rating rate(Caller customer, ConversationId id, int score, String comment) {
		customer.require(Permission.TAKE_PART_IN_CONVERSATION);
		Rating rating = rating(score, comment);
		Conversation conversation = this.conversations.lock(customer.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isCustomer(customer)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		return rate(conversation, rating);
	}

	private Rating rate(Conversation conversation, Rating rating) {
		if (!conversation.isSettled()) {
			throw ErrorCode.CONVERSATION_NOT_RESOLVED.exception();
		}
		// the conversation's row is locked: a second rating waits here, then finds the
		// first
		if (this.ratings.of(conversation.id()).isPresent()) {
			throw ErrorCode.ALREADY_RATED.exception();
		}
		this.ratings.add(conversation, rating);
		this.events.publishEvent(new ConversationRated(conversation.id(), conversation.workspaceId(), rating));
		return rating;
	}

	private Rating rating(int score, String comment) {
		String kept = (comment != null && !comment.isBlank()) ? comment.strip() : null;
		if (score < Rating.MIN_SCORE || score > Rating.MAX_SCORE
				|| (kept != null && kept.length() > Rating.MAX_COMMENT_LENGTH)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return new Rating(score, kept, Timestamps.now(this.clock));
	}

}
