package io.parley.email;

import java.time.Duration;

import io.parley.support.Api.Reply;
import io.parley.support.Eventually;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New mail noticed through IMAP IDLE on a real server (GreenMail): the poll interval is
 * an hour (the suite's), so only IDLE can import a mail within seconds. Its own context,
 * closed after, so no IDLE session outlives this class's GreenMail.
 */
@TestPropertySource(properties = { "parley.email.idle=true", "parley.email.idle-renew=1s" })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class MailboxIdleIntegrationTests extends MailboxFixture {

	@Autowired
	MailboxIdle idle;

	@Test
	void aDeliveredMailIsImportedWithinSecondsThroughIdle() throws Exception {
		awaitIdle();

		deliver(mail("kim@customer.test", "Kim", "Order", "Where is it?", null, null));

		Eventually.until("the mail imported without a poll", () -> emailConversations().size() == 1);
		assertThat(contents(only(emailConversations()))).containsExactly("Where is it?");
	}

	@Test
	void afterTheConnectionDropsIdleRecordsTheErrorReconnectsAndImportsTheNextMail() throws Exception {
		awaitIdle();
		try (TcpRelay relay = new TcpRelay(mail.getImap().getPort())) {
			imapPort(relay.port());
			Eventually.until("IDLE through the relay", () -> state().get("connected").asBoolean());

			relay.drop();
			Eventually.until("the lost connection recorded", () -> !state().get("lastError").isNull());
			assertThat(state().get("connected").asBoolean()).isFalse();
			deliver(mail("ana@customer.test", "Ana", "Refund", "I want a refund", null, null));
			relay.listen();

			Eventually.until("the mail imported after reconnecting", () -> emailConversations().size() == 1);
			JsonNode state = state();
			assertThat(state.get("lastError").isNull()).as(state.toString()).isTrue();
			assertThat(state.get("connected").asBoolean()).isTrue();
			deliver(mail("ana@customer.test", "Ana", "Re: Refund", "Any news?", null, null));
			Eventually.until("the next mail imported through the new IDLE", () -> emailConversations().size() == 2);
		}
	}

	@Test
	void theIdleIsRenewedOnTheSameConnection() throws Exception {
		awaitIdle();
		try (TcpRelay relay = new TcpRelay(mail.getImap().getPort())) {
			// the relay's first connection is the IDLE one (each import opens its own
			// after it)
			imapPort(relay.port());
			Eventually.until("IDLE through the relay", () -> state().get("connected").asBoolean());
			long sent = relay.firstClientBytes();

			// no mail meanwhile: only a renewal (DONE, then IDLE) makes its client say
			// more
			Eventually.until("the IDLE renewed on its connection", () -> relay.firstClientBytes() > sent);
			deliver(mail("lee@customer.test", "Lee", "After renewals", "still heard", null, null));
			Eventually.until("the mail imported after renewals", () -> emailConversations().size() == 1);
			assertThat(state().get("lastError").isNull()).as("never reconnected").isTrue();
		}
	}

	@Test
	void aRemovedMailboxHasNoIdleLeft() {
		awaitIdle();

		Reply removed = this.api.send("DELETE", "/api/email-inboxes/" + this.inbox, this.owner, null, null);

		assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
		Eventually.until("the IDLE stopped", () -> !this.idle.watched().contains(this.inbox));
	}

	@Test
	void backoffDoublesUpToItsCap() {
		assertThat(IdleSession.backoff(0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(IdleSession.backoff(3)).isEqualTo(Duration.ofSeconds(8));
		assertThat(IdleSession.backoff(8)).isEqualTo(Duration.ofSeconds(256));
		assertThat(IdleSession.backoff(9)).isEqualTo(IdleSession.MAX_BACKOFF);
		assertThat(IdleSession.backoff(60)).isEqualTo(IdleSession.MAX_BACKOFF);
	}

	/** Last: it closes what the context closes. */
	@Test
	@Order(Integer.MAX_VALUE)
	void closingEndsEveryIdleConnectionQuietly(CapturedOutput output) throws Exception {
		awaitIdle();
		int before = output.length();

		this.idle.close();

		Eventually.until("no IDLE thread left",
				() -> Thread.getAllStackTraces()
					.keySet()
					.stream()
					.noneMatch((thread) -> thread.isAlive() && thread.getName().startsWith("email-idle")));
		assertThat(this.idle.watched()).isEmpty();
		assertThat(output.toString().substring(before)).doesNotContain("IdleSession")
			.doesNotContain("Exception")
			.doesNotContain("WARN");
	}

	/** The mailbox's IDLE connected and its first import done. */
	private void awaitIdle() {
		Eventually.until("the mailbox watched", () -> this.idle.watched().contains(this.inbox)
				&& state().get("connected").asBoolean() && !state().get("lastSync").isNull());
	}

	private JsonNode state() {
		return this.api.get("/api/email-inboxes/" + this.inbox, this.owner).data().get("state");
	}

	private void imapPort(int port) {
		Reply changed = this.api.send("PATCH", "/api/email-inboxes/" + this.inbox, this.owner, "application/json",
				"{\"imap\":{\"port\":" + port + "}}");
		assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
	}

}
