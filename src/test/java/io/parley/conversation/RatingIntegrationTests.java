package io.parley.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.parley.contact.ContactId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.ParleyIntegrationTest;
import io.parley.system.ParleyException;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customer rates a resolved conversation once (CSAT), and the staff see the rating
 * with the conversation.
 */
@ParleyIntegrationTest
class RatingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Ratings ratings;

	@Autowired
	ConversationIntake intake;

	Api api;

	Team team;

	String id;

	@BeforeEach
	void assignedConversation() {
		this.api = new Api(this.port);
		this.team = this.api.team();
		this.id = this.api.assignedConversation(this.team);
	}

	@Test
	void theCustomerRatesOnceAfterItIsResolvedAndTheStaffSeeIt() {
		Reply early = rate(this.team.candidate().token(), 5, "Quick!");
		assertThat(early.status()).as(early.raw()).isEqualTo(409);
		assertThat(early.error()).isEqualTo("Only a resolved or closed conversation can be rated");
		assertThat(details().get("rating").isNull()).isTrue();

		resolve(this.id);
		Reply rated = rate(this.team.candidate().token(), 4, "  Helpful, thanks  ");
		assertThat(rated.status()).as(rated.raw()).isEqualTo(201);
		assertThat(rated.data().get("score").asInt()).isEqualTo(4);
		assertThat(rated.data().get("comment").stringValue()).isEqualTo("Helpful, thanks");

		JsonNode rating = details().get("rating");
		assertThat(rating.get("score").asInt()).isEqualTo(4);
		assertThat(rating.get("comment").stringValue()).isEqualTo("Helpful, thanks");
		assertThat(rating.get("ratedAt").stringValue()).isEqualTo(rated.data().get("ratedAt").stringValue());

		Reply again = rate(this.team.candidate().token(), 1, "Changed my mind");
		assertThat(again.status()).as(again.raw()).isEqualTo(409);
		assertThat(again.error()).isEqualTo("This conversation has been rated already");
		assertThat(details().get("rating").get("score").asInt()).isEqualTo(4);
	}

	@Test
	void aScoreOutOfRangeALongCommentOrTheStaffAreRefused() {
		resolve(this.id);
		assertThat(rate(this.team.candidate().token(), 0, null).status()).isEqualTo(400);
		assertThat(rate(this.team.candidate().token(), 6, null).status()).isEqualTo(400);
		assertThat(rate(this.team.candidate().token(), 3, "x".repeat(1001)).status()).isEqualTo(400);
		Reply staff = rate(this.team.agent().token(), 5, null);
		assertThat(staff.status()).as("only the customer rates").isEqualTo(403);
		assertThat(details().get("rating").isNull()).isTrue();

		Reply kept = rate(this.team.candidate().token(), 3, "x".repeat(1000));
		assertThat(kept.status()).as(kept.raw()).isEqualTo(201);
		assertThat(details().get("rating").get("comment").stringValue()).hasSize(1000);
	}

	@Test
	void aContactRatesItsOwnClosedConversationThroughTheUseCase() {
		ContactId visitor = contact();
		ContactId stranger = contact();
		ConversationId conversation = this.intake
			.start(WorkspaceId.DEFAULT, visitor, Channel.WEB, Conversation.Context.NONE, "Hello", null)
			.conversation()
			.id();
		assertThatThrownBy(() -> this.ratings.rate(WorkspaceId.DEFAULT, visitor, conversation, 5, null))
			.isInstanceOf(ParleyException.class)
			.hasMessage("CONVERSATION_NOT_RESOLVED");

		Reply closed = this.api.send("PATCH", "/api/conversations/" + conversation, this.team.admin().token(),
				"application/json", "{\"status\":\"closed\"}");
		assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
		assertThatThrownBy(() -> this.ratings.rate(WorkspaceId.DEFAULT, stranger, conversation, 5, null))
			.isInstanceOf(ParleyException.class)
			.hasMessage("CONVERSATION_NOT_FOUND");
		assertThatThrownBy(() -> this.ratings.rate(new WorkspaceId(UUID.randomUUID()), visitor, conversation, 5, null))
			.isInstanceOf(ParleyException.class)
			.hasMessage("CONVERSATION_NOT_FOUND");

		Rating rating = this.ratings.rate(WorkspaceId.DEFAULT, visitor, conversation, 2, "Slow");
		assertThat(rating.score()).isEqualTo(2);
		assertThatThrownBy(() -> this.ratings.rate(WorkspaceId.DEFAULT, visitor, conversation, 5, null))
			.isInstanceOf(ParleyException.class)
			.hasMessage("ALREADY_RATED");
		JsonNode shown = this.api.get("/api/conversations/" + conversation, this.team.admin().token())
			.data()
			.get("rating");
		assertThat(shown.get("score").asInt()).isEqualTo(2);
		assertThat(shown.get("comment").stringValue()).isEqualTo("Slow");
	}

	private ContactId contact() {
		Reply created = this.api.post("/api/contacts", this.team.admin().token(),
				Map.of("name", "Visitor", "email", "visitor-" + UUID.randomUUID() + "@example.com"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return ContactId.parse(created.data().get("id").stringValue()).orElseThrow();
	}

	private void resolve(String conversation) {
		Reply resolved = this.api.send("PATCH", "/api/conversations/" + conversation, this.team.admin().token(),
				"application/json", "{\"status\":\"resolved\"}");
		assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
	}

	private JsonNode details() {
		return this.api.get("/api/conversations/" + this.id, this.team.admin().token()).data();
	}

	private Reply rate(String token, int score, String comment) {
		Map<String, Object> body = new HashMap<>();
		body.put("score", score);
		if (comment != null) {
			body.put("comment", comment);
		}
		return this.api.post("/api/conversations/" + this.id + "/rating", token, body);
	}

}
