package io.parley.conversation.web;

import io.parley.conversation.Rating;
import io.parley.conversation.Ratings;
import io.parley.conversation.web.ConversationDetailsView.RatingView;
import io.parley.system.ApiResponse;
import io.parley.workspace.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static io.parley.conversation.web.InboxController.idOf;

/**
 * A customer with a login (a seed-003 candidate) rates their resolved conversation, once;
 * the widget's visitors rate theirs through the widget's own route.
 */
@RestController
class RatingController {

	private final Ratings ratings;

	RatingController(Ratings ratings) {
		this.ratings = ratings;
	}

	@PostMapping(path = "/api/conversations/{id}/rating", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	ApiResponse rate(Caller caller, @PathVariable String id, @Valid @RequestBody RatingRequest request) {
		Rating rating = this.ratings.rate(caller, idOf(id), request.score(), request.comment());
		return ApiResponse.ok(RatingView.of(rating));
	}

	record RatingRequest(@NotNull Integer score, @Size(max = Rating.MAX_COMMENT_LENGTH) String comment) {
	}

}
