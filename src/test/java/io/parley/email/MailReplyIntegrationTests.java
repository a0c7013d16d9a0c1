package io.parley.email;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.Multipart;
import io.parley.support.TestClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
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
	void anAgentsFilesGoOutAttachedToTheReplyWithTheCaptionAndTheSignature() throws Exception {
		String customer = "files-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(customer, "<files-" + System.nanoTime() + "@customer.test>");
		TestUser agent = agentOf(conversation);

		Reply uploaded = Multipart.to(this.port)
			.file("Rechnung März.pdf", "application/pdf", MailAttachmentIntegrationTests.PDF)
			.field("content", "Here is your invoice")
			.post("/api/conversations/" + conversation + "/attachments", agent.token());
		assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(201);
		Reply picture = Multipart.to(this.port)
			.file("photo.png", "image/png", MailAttachmentIntegrationTests.PNG)
			.post("/api/conversations/" + conversation + "/attachments", agent.token());
		assertThat(picture.status()).as(picture.raw()).isEqualTo(201);
		List<MimeMessage> sent = Eventually.until("both replies mailed", () -> {
			this.delivery.deliverNow();
			return received(customer);
		}, (mails) -> mails.size() == 2);

		MimeMessage invoice = sent.stream().filter((mail) -> text(mail).contains("invoice")).findFirst().orElseThrow();
		assertThat(text(invoice)).isEqualTo("Here is your invoice\r\n\r\n-- \r\nAcme Support");
		assertThat(files(invoice)).containsExactly("Rechnung März.pdf application/pdf");
		assertThat(bytes(invoice, 1)).isEqualTo(MailAttachmentIntegrationTests.PDF);
		MimeMessage photo = sent.stream().filter((mail) -> mail != invoice).findFirst().orElseThrow();
		assertThat(text(photo)).as("no caption: the signature alone").isEqualTo("-- \r\nAcme Support");
		assertThat(files(photo)).containsExactly("photo.png image/png");
		assertThat(bytes(photo, 1)).isEqualTo(MailAttachmentIntegrationTests.PNG);
		assertThat(message(conversation, "Here is your invoice").get("delivery").stringValue()).isEqualTo("sent");
	}

	@Test
	void aMailboxWhoseStoredPasswordCannotBeOpenedFailsOnlyItsOwnReplies() throws Exception {
		String otherAddress = "other-" + System.nanoTime() + "@acme.test";
		GreenMailUser otherMailbox = mail.setUser(otherAddress, otherAddress, MailboxIntegrationTests.IMAP_PASSWORD);
		UUID other = UUID.fromString(
				this.api
					.post("/api/email-inboxes", this.owner,
							MailboxIntegrationTests.mailbox(otherAddress, mail.getImap().getPort(),
									mail.getSmtp().getPort()))
					.data()
					.get("id")
					.stringValue());
		String broken = "broken-" + System.nanoTime() + "@customer.test";
		String conversation = incoming(broken, "<broken-" + System.nanoTime() + "@customer.test>");
		String fine = "fine-" + System.nanoTime() + "@customer.test";
		MimeMessage toOther = mail(fine, "Fin", "Hello", "Hello there", "<fine-" + System.nanoTime() + "@c.test>",
				null);
		toOther.setRecipient(RecipientType.TO, new InternetAddress(otherAddress));
		otherMailbox.deliver(toOther);
		Eventually.until("the other mailbox polled", () -> this.poller.poll(other));
		String otherConversation = this.api.get("/api/conversations?channel=email&limit=100", this.owner)
			.data()
			.get("items")
			.valueStream()
			.filter((item) -> item.get("contact").get("email").stringValue().equals(fine))
			.findFirst()
			.orElseThrow()
			.get("id")
			.stringValue();
		// sealed for the other side of the row: it does not open as the SMTP password
		this.jdbc.sql("UPDATE email_inboxes SET smtp_password = imap_password WHERE id = ?").param(this.inbox).update();

		write(agentOf(conversation), conversation, Map.of("content", "This one cannot go out"));
		write(agentOf(otherConversation), otherConversation, Map.of("content", "This one goes out"));
		Eventually.until("the other mailbox's reply mailed", () -> {
			this.delivery.deliverNow();
			return !received(fine).isEmpty();
		});

		assertThat(received(broken)).isEmpty();
		assertThat(this.jdbc
			.sql("SELECT attempts FROM email_outbox WHERE conversation_id = CAST(? AS UUID) AND state = 'pending'")
			.param(conversation)
			.query(Integer.class)
			.single()).as("failed once, to be tried again").isEqualTo(1);
	}

	private static String text(MimeMessage mail) {
		try {
			return ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent().toString().strip();
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	/** The attachments' names and types. */
	private static List<String> files(MimeMessage mail) throws Exception {
		MimeMultipart mixed = (MimeMultipart) mail.getContent();
		assertThat(mail.getContentType()).startsWith("multipart/mixed");
		List<String> files = new java.util.ArrayList<>();
		for (int i = 1; i < mixed.getCount(); i++) {
			BodyPart part = mixed.getBodyPart(i);
			assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
			assertThat(((MimeBodyPart) part).getEncoding()).as("no byte of a file changes on the way")
				.isEqualTo("base64");
			files.add(MimeUtility.decodeText(part.getFileName()) + " " + part.getContentType().split(";")[0].strip());
		}
		return files;
	}

	private static byte[] bytes(MimeMessage mail, int part) throws Exception {
		try (InputStream content = ((MimeMultipart) mail.getContent()).getBodyPart(part).getInputStream()) {
			return content.readAllBytes();
		}
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
