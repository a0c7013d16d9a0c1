package io.parley.email;

import java.time.Duration;
import java.util.Map;

import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.Socket;
import io.parley.support.TestClock;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mailed reply the outbox gives up on shows "not delivered" to the staff, and a retry
 * sends it once the server is back: never twice.
 */
@DirtiesContext
// the outbox's six tries take longer than a token lives
@TestPropertySource(properties = "parley.jwt.lifetime=1d")
class MailDeliveryIntegrationTests extends MailboxFixture {

	@Autowired
	ReplyDelivery delivery;

	@Autowired
	TestClock clock;

	@Test
	void aReplyGivenUpShowsNotDeliveredAndARetryOnceTheServerIsBackMailsItExactlyOnce() throws Exception {
		String customer = "given-up-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<given-up-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);
		int smtp = mail.getSmtp().getPort();
		smtpPort(closedPort());
		write(agent, conversation, Map.of("content", "Your refund is on its way"));
		assertThat(deliveryOf(conversation, "Your refund is on its way")).isIn("pending", null);

		for (int tries = 1; tries <= ReplySender.MAX_ATTEMPTS; tries++) {
			int expected = tries;
			Eventually.until("try " + tries, () -> {
				this.delivery.deliverNow();
				return attempts(conversation) >= expected;
			});
			this.clock.advance(Duration.ofMinutes(61));
		}

		assertThat(deliveryOf(conversation, "Your refund is on its way")).isEqualTo("failed");
		smtpPort(smtp);
		this.delivery.deliverNow();
		assertThat(received(customer)).as("given up: nothing goes out by itself").isEmpty();

		Reply retried = retry(agent, conversation, sequenceOf(conversation, "Your refund is on its way"));
		assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
		assertThat(retried.data().get("delivery").stringValue()).isEqualTo("pending");
		Reply again = retry(agent, conversation, sequenceOf(conversation, "Your refund is on its way"));
		assertThat(again.status()).as(again.raw()).isEqualTo(409);
		assertThat(again.error()).isEqualTo("Only a reply that was not delivered can be sent again");
		Eventually.until("the reply mailed", () -> {
			this.delivery.deliverNow();
			return !received(customer).isEmpty();
		});
		this.clock.advance(Duration.ofHours(2));
		this.delivery.deliverNow();

		assertThat(received(customer)).hasSize(1);
		assertThat(deliveryOf(conversation, "Your refund is on its way")).isEqualTo("sent");
		assertThat(retry(agent, conversation, sequenceOf(conversation, "Your refund is on its way")).status())
			.isEqualTo(409);
		this.delivery.deliverNow();
		assertThat(received(customer)).hasSize(1);
	}

	@Test
	void theStaffWhoSeeTheConversationAreToldLiveWhatBecameOfAReplyAndNoOneElse() throws Exception {
		String customer = "live-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<live-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);
		TestUser otherAgent = this.workspace.join(this.api, Map.of("role", "agent"));
		try (Socket inRoom = Socket.connect(this.port, agent.token());
				Socket admin = Socket.connect(this.port, this.owner);
				Socket outsider = Socket.connect(this.port, otherAgent.token())) {
			inRoom.send("JOIN_CONVERSATION", Map.of("conversationId", conversation));
			inRoom.expect("JOINED_CONVERSATION");
			admin.send("SUBSCRIBE_INBOX", Map.of());
			admin.expect("INBOX_SUBSCRIBED");
			outsider.send("SUBSCRIBE_INBOX", Map.of());
			outsider.expect("INBOX_SUBSCRIBED");

			write(agent, conversation, Map.of("content", "Shipped this morning"));
			long sequence = sequenceOf(conversation, "Shipped this morning");
			this.delivery.deliverNow();

			for (Socket staff : new Socket[] { inRoom, admin }) {
				assertThat(nextDelivery(staff)).isEqualTo(frame(conversation, sequence, "pending"));
				assertThat(nextDelivery(staff)).isEqualTo(frame(conversation, sequence, "sent"));
			}
			assertThat(received(customer)).hasSize(1);
			outsider.expectSilence(Duration.ofMillis(300));
		}
	}

	private static String nextDelivery(Socket socket) {
		for (int frames = 0; frames < 20; frames++) {
			JsonNode frame = socket.next();
			if (frame.get("event").stringValue().equals("MESSAGE_DELIVERY")) {
				return frame.get("data").toString();
			}
		}
		throw new AssertionError("no MESSAGE_DELIVERY");
	}

	private static String frame(String conversation, long sequence, String delivery) {
		return "{\"conversationId\":\"" + conversation + "\",\"sequence\":" + sequence + ",\"delivery\":\"" + delivery
				+ "\"}";
	}

	@Test
	void aRetryIsRefusedForAMessageNeverMailedAndToWhoeverCannotSeeTheConversation() throws Exception {
		String customer = "refused-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<refused-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);

		Reply customersOwn = retry(agent, conversation, "1");
		assertThat(customersOwn.status()).as(customersOwn.raw()).isEqualTo(404);
		assertThat(customersOwn.error()).isEqualTo("Message not found");
		assertThat(retry(agent, conversation, "x").status()).isEqualTo(404);
		TestUser other = this.workspace.join(this.api, Map.of("role", "agent"));
		assertThat(retry(other, conversation, "1").status()).isEqualTo(403);
		TestWorkspace elsewhere = TestWorkspace.create(this.api);
		Reply foreign = this.api.post("/api/conversations/" + conversation + "/messages/1/retry-delivery",
				elsewhere.owner().token(), Map.of());
		assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
		assertThat(foreign.error()).isEqualTo("Conversation not found");
	}

	private Reply retry(TestUser who, String conversation, Object sequence) {
		return this.api.post("/api/conversations/" + conversation + "/messages/" + sequence + "/retry-delivery",
				who.token(), Map.of());
	}

	private int attempts(String conversation) {
		return this.jdbc.sql("SELECT attempts FROM email_outbox WHERE conversation_id = CAST(? AS UUID)")
			.param(conversation)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	String deliveryOf(String conversation, String content) {
		JsonNode delivery = message(conversation, content).get("delivery");
		return (delivery != null) ? delivery.stringValue() : null;
	}

	long sequenceOf(String conversation, String content) {
		return message(conversation, content).get("sequence").asLong();
	}

}
