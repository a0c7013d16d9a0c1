package io.parley.conversation.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.parley.contact.Contact;
import io.parley.conversation.Assignment;
import io.parley.conversation.Conversation;
import io.parley.conversation.Inbox.Details;
import io.parley.conversation.Rating;
import io.parley.conversation.ReadState;
import io.parley.conversation.web.ConversationSummaryView.ContactView;
import io.parley.system.Timestamps;

import static io.parley.conversation.web.ConversationSummaryView.text;

/** One conversation with its context, tags, assignment history and read marks. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ConversationDetailsView(String id, String status, String priority, String channel, String subject,
		String pageUrl, String referrer, ContactView contact, String candidateId, String supervisorId, String agentId,
		List<String> tags, long lastSequence, List<AssignmentView> assignments, List<ReadView> reads, String createdAt,
		String updatedAt, boolean leftOffline, RatingView rating, @JsonRawValue String attributes, String mergedInto) {

	static ConversationDetailsView of(Details details) {
		Conversation conversation = details.conversation();
		Contact contact = details.contact();
		return new ConversationDetailsView(conversation.id().toString(), conversation.status().value(),
				conversation.priority().value(), conversation.channel().value(), conversation.context().subject(),
				conversation.context().pageUrl(), conversation.context().referrer(),
				new ContactView(contact.id().toString(), contact.name(), contact.emailToShow()),
				text(conversation.candidateId()), text(conversation.supervisorId()), text(conversation.agentId()),
				details.tags(), conversation.lastSequence(),
				details.assignments().stream().map(AssignmentView::of).toList(),
				details.reads().stream().map(ReadView::of).toList(), Timestamps.format(conversation.createdAt()),
				Timestamps.format(conversation.updatedAt()), conversation.leftOffline(),
				(details.rating() != null) ? RatingView.of(details.rating()) : null, details.attributes(),
				(conversation.mergedInto() != null) ? conversation.mergedInto().toString() : null);
	}

	/** The customer's rating: 1 to 5, and what they wrote. */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record RatingView(int score, String comment, String ratedAt) {

		static RatingView of(Rating rating) {
			return new RatingView(rating.score(), rating.comment(), Timestamps.format(rating.ratedAt()));
		}

	}

	record AssignmentView(String agentId, String assignedBy, String reason, String assignedAt) {

		static AssignmentView of(Assignment assignment) {
			return new AssignmentView(text(assignment.agentId()), text(assignment.assignedBy()), assignment.reason(),
					Timestamps.format(assignment.assignedAt()));
		}

	}

	record ReadView(String readerId, long lastReadSequence, String readAt) {

		static ReadView of(ReadState state) {
			return new ReadView(state.readerId().toString(), state.lastReadSequence(),
					Timestamps.format(state.readAt()));
		}

	}

}
