package io.parley.email;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail as it comes from the world, not as a client library writes it: broken MIME, an
 * unknown charset, missing headers, a very large message, and headers that try to smuggle
 * lines into the reply. Each is stored as well as it can be or skipped with a logged
 * reason; the mail after it is always imported, and nothing half-written remains.
 */
class MalformedMailIntegrationTests extends MailboxFixture {

	@Autowired
	ReplyDelivery delivery;

	@Test
	void mailWithoutSenderIsSkippedAndTheNextMailIsImported() throws Exception {
		deliver(raw("""
				To: %s
				Subject: Nobody sent this
				Message-ID: <nobody@customer.test>

				Who am I?
				""".formatted(this.address)));
		deliver(raw("""
				From: Lee <lee@customer.test>
				To: %s
				Subject: After it
				Message-ID: <after@customer.test>

				I come next.
				""".formatted(this.address)));

		poll();

		JsonNode conversation = only(emailConversations());
		assertThat(conversation.get("subject").stringValue()).isEqualTo("After it");
		assertThat(contents(conversation)).containsExactly("I come next.");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM email_messages WHERE inbox_id = ? AND message_id = ?")
			.params(this.inbox, "<nobody@customer.test>")
			.query(Long.class)
			.single()).as("nothing of the skipped mail is stored").isZero();
	}

	@Test
	void mailWithoutMessageIdOrDateIsImportedOnceEvenWhenTheMailboxIsReadAgain() throws Exception {
		deliver(raw("""
				From: kim@customer.test
				To: %s
				Subject: No id

				No Message-ID, no Date.
				""".formatted(this.address)));
		poll();
		this.jdbc.sql("UPDATE email_inboxes SET uid_validity = uid_validity + 1000 WHERE id = ?")
			.param(this.inbox)
			.update();

		poll();

		JsonNode conversation = only(emailConversations());
		assertThat(conversation.get("subject").stringValue()).isEqualTo("No id");
		assertThat(contents(conversation)).containsExactly("No Message-ID, no Date.");
	}

	@Test
	void brokenMimeAndAnUnknownCharsetAreStoredAsWellAsTheyCanBe() throws Exception {
		// a multipart whose closing boundary never comes
		deliver(raw("""
				From: ana@customer.test
				To: %s
				Subject: Broken parts
				Message-ID: <broken-parts@customer.test>
				MIME-Version: 1.0
				Content-Type: multipart/alternative; boundary="XYZ"

				--XYZ
				Content-Type: text/plain; charset=UTF-8

				The first part is fine.
				--XYZ
				Content-Type: text/html; charset=UTF-8

				<p>The second part never ends
				""".formatted(this.address)));
		deliver(raw("""
				From: bo@customer.test
				To: %s
				Subject: Odd charset
				Message-ID: <odd-charset@customer.test>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=x-no-such-charset

				Plain words in an unknown charset.
				""".formatted(this.address)));
		deliver(raw("""
				From: cy@customer.test
				To: %s
				Subject: Still here
				Message-ID: <still-here@customer.test>

				The importer kept going.
				""".formatted(this.address)));

		poll();

		JsonNode conversations = emailConversations();
		List<String> subjects = conversations.valueStream().map((item) -> item.get("subject").stringValue()).toList();
		assertThat(subjects).containsExactlyInAnyOrder("Broken parts", "Odd charset", "Still here");
		for (JsonNode conversation : conversations) {
			List<String> texts = contents(conversation);
			assertThat(texts).as(conversation.get("subject").stringValue()).hasSize(1);
			switch (conversation.get("subject").stringValue()) {
				case "Broken parts" -> assertThat(texts.get(0)).contains("The first part is fine.");
				case "Odd charset" -> assertThat(texts.get(0)).contains("Plain words in an unknown charset.");
				default -> assertThat(texts).containsExactly("The importer kept going.");
			}
		}
	}

	@Test
	void aThirtyMegabyteMailIsCutAndTheImporterKeepsGoing() throws Exception {
		String line = "x".repeat(998) + "\n";
		StringBuilder body = new StringBuilder(31 * 1024 * 1024);
		while (body.length() < 30 * 1024 * 1024) {
			body.append(line);
		}
		deliver(raw("From: big@customer.test\nTo: " + this.address
				+ "\nSubject: Huge\nMessage-ID: <huge@customer.test>\n\n" + body));
		deliver(raw("""
				From: small@customer.test
				To: %s
				Subject: Small
				Message-ID: <small@customer.test>

				Small one.
				""".formatted(this.address)));

		poll();

		JsonNode conversations = emailConversations();
		assertThat(conversations.size()).isEqualTo(2);
		for (JsonNode conversation : conversations) {
			String text = contents(conversation).get(0);
			if ("Huge".equals(conversation.get("subject").stringValue())) {
				assertThat(text).hasSizeLessThanOrEqualTo(5000).endsWith("[…]");
			}
			else {
				assertThat(text).isEqualTo("Small one.");
			}
		}
	}

	@Test
	void linesSmuggledIntoTheSubjectReachNeitherTheInboxNorTheReply() throws Exception {
		// encoded words that decode to a line break and a header of their own
		String subject = "=?UTF-8?B?" + base64("Order 9\r\nBcc: victim@evil.test") + "?=";
		deliver(raw("From: Eve <eve@customer.test>\nTo: " + this.address + "\nSubject: " + subject
				+ "\nMessage-ID: <smuggle@customer.test>\n\nHello\n"));
		poll();
		JsonNode conversation = only(emailConversations());
		String id = conversation.get("id").stringValue();
		assertThat(conversation.get("subject").stringValue()).isEqualTo("Order 9 Bcc: victim@evil.test")
			.doesNotContain("\r")
			.doesNotContain("\n");

		TestUser agent = agentOf(id);
		write(agent, id, Map.of("content", "We are on it"));

		List<MimeMessage> sent = Eventually.until("the reply mailed", () -> {
			this.delivery.deliverNow();
			return received("eve@customer.test");
		}, (mails) -> !mails.isEmpty());
		MimeMessage reply = sent.get(0);
		assertThat(reply.getHeader("Bcc")).as("no header came out of the subject or name").isNull();
		assertThat(reply.getAllRecipients()).hasSize(1);
		assertThat(received("victim@evil.test")).isEmpty();
		assertThat(reply.getSubject()).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void linesSmuggledIntoTheSendersNameReachNeitherTheContactNorTheReply() throws Exception {
		// an encoded word in the From display name that decodes to a line break and a Bcc
		String name = "=?UTF-8?B?" + base64("Mallory\r\nBcc: attacker@example.com") + "?=";
		deliver(raw("From: " + name + " <mallory@customer.test>\nTo: " + this.address
				+ "\nSubject: Hi\nMessage-ID: <smuggled-name@customer.test>\n\nHello\n"));
		poll();
		JsonNode conversation = only(emailConversations());
		String id = conversation.get("id").stringValue();
		String stored = conversation.at("/contact/name").stringValue();
		assertThat(stored).startsWith("Mallory").doesNotContain("\r").doesNotContain("\n");

		write(agentOf(id), id, Map.of("content", "Hello Mallory"));

		List<MimeMessage> sent = Eventually.until("the reply mailed", () -> {
			this.delivery.deliverNow();
			return received("mallory@customer.test");
		}, (mails) -> !mails.isEmpty());
		MimeMessage reply = sent.get(0);
		assertThat(reply.getHeader("Bcc")).as("no header came out of the name").isNull();
		assertThat(reply.getAllRecipients()).extracting(Object::toString).containsExactly("mallory@customer.test");
		assertThat(reply.getHeader("To", ",")).doesNotContain("\n").doesNotContain("attacker");
		assertThat(mail.getReceivedMessagesForDomain("example.com")).as("no copy for the attacker").isEmpty();
		assertThat(received("attacker@example.com")).isEmpty();
	}

	private static String base64(String text) {
		return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/** A mail exactly as written, line ends made CRLF as on the wire. */
	private static MimeMessage raw(String text) throws Exception {
		byte[] bytes = text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
	}

}
