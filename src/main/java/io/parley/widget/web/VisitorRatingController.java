package io.parley.widget.web;

import io.parley.contact.Contact;
import io.parley.conversation.ConversationId;
import io.parley.conversation.Rating;
import io.parley.conversation.Ratings;
import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.widget.Visitor;
import io.parley.widget.VisitorContacts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A visitor rates their own resolved conversation, once ({@link Ratings}). */
@RestController
class VisitorRatingController {

	private final Ratings ratings;

	private final VisitorContacts contacts;

	VisitorRatingController(Ratings ratings, VisitorContacts contacts) {
		this.ratings = ratings;
		this.contacts = contacts;
	}

	@PostMapping(path = "/api/widget/conversations/{id}/rating", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse rate(Visitor visitor, @PathVariable String id, @Valid @RequestBody RatingRequest request) {
		Contact contact = this.contacts.find(visitor).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		ConversationId conversation = ConversationId.parse(id).orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		Rating rating = this.ratings.rate(visitor.workspaceId(), contact.id(), conversation, request.score(),
				request.comment());
		return ApiResponse.ok(new RatingView(rating.score(), rating.comment(), Timestamps.format(rating.ratedAt())));
	}

	record RatingRequest(@NotNull Integer score, @Size(max = Rating.MAX_COMMENT_LENGTH) String comment) {
	}

	record RatingView(int score, String comment, String ratedAt) {
	}

}
