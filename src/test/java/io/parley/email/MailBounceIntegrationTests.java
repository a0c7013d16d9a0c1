package io.parley.email;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail servers' reports that a reply did not arrive: recognised, never imported as the
 * customer's message nor answered, and marked on the reply they return.
 */
class MailBounceIntegrationTests extends MailboxFixture {

	@Autowired
	ReplyDelivery delivery;

	@Test
	void aDeliveryStatusReportMarksTheReplyItReturnsBouncedAndIsNotImported() throws Exception {
		String customer = "dsn-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<dsn-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);
		MimeMessage sent = mailed(agent, conversation, customer, "We sent a new parcel");

		deliver(raw(report(sent.getMessageID(), customer)));
		poll();

		assertThat(contentsOf(conversation)).containsExactly("Where is it?", "We sent a new parcel");
		assertThat(emailConversations().size()).isEqualTo(1);
		JsonNode reply = message(conversation, "We sent a new parcel");
		assertThat(reply.get("delivery").stringValue()).isEqualTo("bounced");
		assertThat(this.jdbc.sql("SELECT last_error FROM email_outbox WHERE conversation_id = CAST(? AS UUID)")
			.param(conversation)
			.query(String.class)
			.single()).contains("5.1.1").contains("550");
		this.delivery.deliverNow();
		assertThat(received("mailer-daemon@mx.customer.test")).as("a bounce is never answered").isEmpty();
		assertThat(received(customer)).hasSize(1);

		Reply retried = this.api.post("/api/conversations/" + conversation + "/messages/"
				+ reply.get("sequence").asLong() + "/retry-delivery", agent.token(), Map.of());
		assertThat(retried.status()).as(retried.raw()).isEqualTo(200);
		Eventually.until("the reply mailed again", () -> {
			this.delivery.deliverNow();
			return received(customer).size() == 2;
		});
		assertThat(message(conversation, "We sent a new parcel").get("delivery").stringValue()).isEqualTo("sent");
	}

	@Test
	void aNullSendersMailThatNamesAReplyIsABounceAndOneThatNamesNoneIsImportedAsAnAutoReply() throws Exception {
		String customer = "null-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<null-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);
		MimeMessage sent = mailed(agent, conversation, customer, "Here is your invoice");

		deliver(raw("Return-Path: <>\r\nFrom: Mail System <bounces@relay.test>\r\nTo: " + this.address
				+ "\r\nSubject: Undeliverable: Re: Question\r\nMessage-ID: <bounce-" + System.nanoTime()
				+ "@relay.test>\r\nReferences: " + sent.getMessageID()
				+ "\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered: mailbox full.\r\n"));
		deliver(raw("Return-Path: <>\r\nFrom: " + customer + "\r\nTo: " + this.address
				+ "\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <away-" + System.nanoTime()
				+ "@customer.test>\r\nContent-Type: text/plain\r\n\r\nI am away until Monday.\r\n"));
		poll();

		assertThat(message(conversation, "Here is your invoice").get("delivery").stringValue()).isEqualTo("bounced");
		assertThat(contentsOf(conversation)).doesNotContain("Your message could not be delivered: mailbox full.");
		assertThat(emailConversations().toString()).contains("Out of office");
	}

	private MimeMessage mailed(TestUser agent, String conversation, String customer, String text) {
		write(agent, conversation, Map.of("content", text));
		return Eventually.until("the reply mailed", () -> {
			this.delivery.deliverNow();
			return received(customer);
		}, (mails) -> !mails.isEmpty()).get(0);
	}

	/** A DSN as Postfix writes it, returning the headers of the reply. */
	private String report(String messageId, String customer) {
		return "Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.customer.test (Mail Delivery System)\r\nTo: " + this.address
				+ "\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-" + System.nanoTime()
				+ "@mx.customer.test>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n"
				+ "--b1\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could"
				+ " not be delivered.\r\n\r\n--b1\r\nContent-Type: message/delivery-status\r\n\r\n"
				+ "Reporting-MTA: dns; mx.customer.test\r\n\r\nFinal-Recipient: rfc822; " + customer
				+ "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n\r\n"
				+ "--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Acme Support <" + this.address + ">\r\nTo: "
				+ customer + "\r\nSubject: Re: Question\r\nMessage-ID: " + messageId + "\r\n\r\n--b1--\r\n";
	}

	static MimeMessage raw(String text) throws Exception {
		return new MimeMessage(Session.getInstance(new Properties()),
				new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
