package io.parley.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.TestClock;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agents' replies out by SMTP, threaded, through the outbox; what the customer's own
 * mailbox receives.
 */
// the outage test runs the shared clock hours ahead
@DirtiesContext
class MailReplyIntegrationTests extends MailboxFixture {

	@Autowired
	ReplyDelivery delivery;

	@Autowired
	TestClock clock;

	@Test
	void anAgentsReplyReachesTheCustomerThreadedAndTheirAnswerJoinsTheConversation() throws Exception {
		String customer = "reply-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<question-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);

		write(agent, conversation, Map.of("content", "We are on it"));
		write(agent, conversation, Map.of("content", "internal only", "type", "note"));
		MimeMessage sent = Eventually.until("the reply mailed", () -> {
			this.delivery.deliverNow();
			return received(customer);
		}, (mails) -> !mails.isEmpty()).get(0);

		assertThat(sent.getSubject()).isEqualTo("Re: Question");
		assertThat(sent.getHeader("From", ",")).contains("Acme Support").contains(this.address);
		String question = this.jdbc
			.sql("SELECT message_id FROM email_messages WHERE conversation_id = CAST(? AS UUID) AND NOT outgoing")
			.param(conversation)
			.query(String.class)
			.single();
		assertThat(sent.getHeader("In-Reply-To", ",")).isEqualTo(question);
		assertThat(sent.getHeader("References", ",")).contains(question);
		assertThat(sent.getMessageID()).isNotBlank().isNotEqualTo(question);
		assertThat(GreenMailUtil.getBody(sent)).contains("We are on it")
			.contains("Acme Support")
			.doesNotContain("internal only");
		this.delivery.deliverNow();
		assertThat(received(customer)).hasSize(1);

		deliver(mail(customer, null, "Re: Question", "Thanks!", null,
				Map.of("In-Reply-To", sent.getMessageID(), "References", question + " " + sent.getMessageID())));
		poll();
		assertThat(emailConversations().size()).isEqualTo(1);
		assertThat(contentsOf(conversation)).containsExactly("Where is it?", "We are on it", "Thanks!");
	}

	@Test
	void aReplyWhileTheMailServerIsDownGoesOutOnceItIsBack() throws Exception {
		String customer = "outage-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<outage-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);
		int smtp = mail.getSmtp().getPort();
		smtpPort(closedPort());

		write(agent, conversation, Map.of("content", "Sorry for the wait"));
		Eventually.until("a failed try", () -> {
			this.delivery.deliverNow();
			return this.jdbc.sql("SELECT attempts FROM email_outbox WHERE conversation_id = CAST(? AS UUID)")
				.param(conversation)
				.query(Integer.class)
				.optional()
				.orElse(0) > 0;
		});
		assertThat(received(customer)).isEmpty();
		smtpPort(smtp);
		this.delivery.deliverNow();
		assertThat(received(customer)).as("not before the pause").isEmpty();

		this.clock.advance(Duration.ofMinutes(1));
		Eventually.until("the reply mailed", () -> {
			this.delivery.deliverNow();
			return !received(customer).isEmpty();
		});
		this.clock.advance(Duration.ofHours(2));
		this.delivery.deliverNow();

		assertThat(received(customer)).hasSize(1);
		assertThat(this.jdbc.sql("SELECT state FROM email_outbox WHERE conversation_id = CAST(? AS UUID)")
			.param(conversation)
			.query(String.class)
			.single()).isEqualTo("sent");
	}

}
