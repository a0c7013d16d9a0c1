package io.parley.email;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.parley.support.Eventually;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail into conversations, through a real IMAP server: what the staff then see over the
 * REST inbox.
 */
class MailImportIntegrationTests extends MailboxFixture {

	@Test
	void aNewMailBecomesAConversationOnTheEmailChannelWithItsSubjectAndSender() throws Exception {
		deliver(mail("kim@customer.test", "Kim Lee", "Order 1234 has not arrived", "Where is my parcel?", null, null));

		poll();

		JsonNode conversation = only(emailConversations());
		assertThat(conversation.get("subject").stringValue()).isEqualTo("Order 1234 has not arrived");
		assertThat(conversation.at("/contact/email").stringValue()).isEqualTo("kim@customer.test");
		assertThat(conversation.at("/contact/name").stringValue()).isEqualTo("Kim Lee");
		assertThat(contents(conversation)).containsExactly("Where is my parcel?");
		JsonNode state = this.api.get("/api/email-inboxes/" + this.inbox, this.owner).data().get("state");
		assertThat(state.get("connected").asBoolean()).isTrue();
		assertThat(state.get("lastSync").isNull()).isFalse();
		assertThat(state.get("lastError").isNull()).isTrue();
	}

	@Test
	void aReplyJoinsItsConversationByInReplyToAndAnOutlookStyleReplyByReferences() throws Exception {
		deliver(mail("ana@customer.test", "Ana", "Refund", "I want a refund", "<first@customer.test>", null));
		poll();
		deliver(mail("ana@customer.test", "Ana", "Re: Refund", "Any news?", "<second@customer.test>",
				Map.of("In-Reply-To", "<first@customer.test>", "References", "<first@customer.test>")));
		// Outlook rewrites In-Reply-To to an id nobody knows; References still names
		// the thread
		deliver(mail("ana@customer.test", "Ana", "AW: Refund", "Hello?", "<third@customer.test>", Map.of("In-Reply-To",
				"<unknown-outlook-id@outlook.test>", "References", "<first@customer.test> <second@customer.test>")));

		poll();

		JsonNode conversation = only(emailConversations());
		assertThat(contents(conversation)).containsExactly("I want a refund", "Any news?", "Hello?");
	}

	@Test
	void mailThatArrivesWhileNobodyPollsIsFetchedExactlyOnceAfterwards() throws Exception {
		deliver(mail("one@customer.test", null, "One", "first", null, null));
		poll();
		// Parley does not read the mailbox for a while: two mails arrive meanwhile
		deliver(mail("two@customer.test", null, "Two", "second", null, null));
		deliver(mail("three@customer.test", null, "Three", "third", null, null));

		poll();
		poll();

		JsonNode conversations = emailConversations();
		assertThat(conversations.size()).isEqualTo(3);
		for (JsonNode conversation : conversations) {
			assertThat(contents(conversation)).hasSize(1);
		}
	}

	@Test
	void aNewUidValidityReadsTheMailboxAgainAndImportsNothingTwice() throws Exception {
		deliver(mail("lee@customer.test", null, "Hello", "hello", null, null));
		deliver(mail("lee@customer.test", null, "Re: Hello", "again", null, null));
		poll();
		// the server renumbered its mail, as after a restore
		this.jdbc.sql("UPDATE email_inboxes SET uid_validity = uid_validity + 1000 WHERE id = ?")
			.param(this.inbox)
			.update();

		poll();
		deliver(mail("lee@customer.test", null, "Later", "later", null, null));
		poll();

		JsonNode conversations = emailConversations();
		assertThat(conversations.size()).isEqualTo(3);
		long stored = this.jdbc.sql("SELECT COUNT(*) FROM email_messages WHERE inbox_id = ?")
			.param(this.inbox)
			.query(Long.class)
			.single();
		assertThat(stored).isEqualTo(3);
	}

	@Test
	void withIdleOffAMailWaitsForThePoll() throws Exception {
		// the suite runs with parley.email.idle=false (MailboxIdleIntegrationTests turns
		// it on)
		deliver(mail("pat@customer.test", null, "Waiting", "still here", null, null));

		Eventually.holdsFor("no import before the poll", Duration.ofSeconds(2), () -> emailConversations().isEmpty());
		poll();
		assertThat(contents(only(emailConversations()))).containsExactly("still here");
	}

	@Test
	void aDeletedConversationIsNotMadeAgainWhenTheMailboxIsReadAgain() throws Exception {
		deliver(mail("sam@customer.test", null, "Spam", "buy now", "<spam@customer.test>", null));
		poll();
		String id = only(emailConversations()).get("id").stringValue();
		assertThat(this.api.send("DELETE", "/api/conversations/" + id, this.owner, null, null).status()).isEqualTo(200);
		this.jdbc.sql("UPDATE email_inboxes SET uid_validity = uid_validity + 1000 WHERE id = ?")
			.param(this.inbox)
			.update();

		poll();

		assertThat(emailConversations().size()).as("not made again from the server's copy").isZero();
		deliver(mail("sam@customer.test", null, "Re: Spam", "did you get it?", "<again@customer.test>",
				Map.of("In-Reply-To", "<spam@customer.test>")));
		poll();
		JsonNode conversation = only(emailConversations());
		assertThat(conversation.get("id").stringValue()).as("a new mail starts anew").isNotEqualTo(id);
		assertThat(contents(conversation)).containsExactly("did you get it?");
	}

	@Test
	void htmlMailIsStoredAsSafeText() throws Exception {
		MimeMessage html = mail("html@customer.test", null, "Html", null, null, null);
		html.setContent("<p>Hello <b>there</b></p><script>alert('x')</script><img src=\"https://track.test/p.gif\">"
				+ "<p onclick=\"steal()\">Bye &amp; thanks</p>", "text/html; charset=UTF-8");
		html.saveChanges();
		deliver(html);

		poll();

		String content = contents(only(emailConversations())).get(0);
		assertThat(content).contains("Hello there").contains("Bye & thanks");
		assertThat(content).doesNotContain("script")
			.doesNotContain("alert")
			.doesNotContain("<")
			.doesNotContain("track");
	}

	@Test
	void anAutoReplyIsImportedAndFlagged() throws Exception {
		deliver(mail("away@customer.test", null, "Out of office", "I am away until Monday", "<away@customer.test>",
				Map.of("Auto-Submitted", "auto-replied")));
		deliver(mail("list@customer.test", null, "Newsletter", "News", "<news@customer.test>",
				Map.of("Precedence", "bulk")));
		deliver(mail("kim@customer.test", null, "A person", "Hi", "<person@customer.test>", null));

		poll();

		assertThat(emailConversations().size()).isEqualTo(3);
		List<String> automatic = this.jdbc
			.sql("SELECT message_id FROM email_messages WHERE inbox_id = ? AND auto_reply ORDER BY message_id")
			.param(this.inbox)
			.query(String.class)
			.list();
		assertThat(automatic).containsExactly("<away@customer.test>", "<news@customer.test>");
	}

	@Test
	void aReplyToAResolvedConversationReopensItAndToAClosedOneStartsANewOne() throws Exception {
		deliver(mail("pat@customer.test", null, "Broken", "It is broken", "<broken@customer.test>", null));
		poll();
		String id = only(emailConversations()).get("id").stringValue();
		assertThat(this.api
			.send("PATCH", "/api/conversations/" + id, this.owner, "application/json", "{\"status\":\"resolved\"}")
			.status()).isEqualTo(200);

		deliver(mail("pat@customer.test", null, "Re: Broken", "Still broken", "<still@customer.test>",
				Map.of("In-Reply-To", "<broken@customer.test>")));
		poll();

		assertThat(this.api.get("/api/conversations/" + id, this.owner).data().get("status").stringValue())
			.isEqualTo("open");
		assertThat(this.api
			.send("PATCH", "/api/conversations/" + id, this.owner, "application/json", "{\"status\":\"closed\"}")
			.status()).isEqualTo(200);
		deliver(mail("pat@customer.test", null, "Re: Broken", "Hello?", "<hello@customer.test>",
				Map.of("In-Reply-To", "<still@customer.test>")));
		poll();

		JsonNode conversations = emailConversations();
		assertThat(conversations.size()).isEqualTo(2);
		assertThat(contents(conversations.get(0))).containsExactly("Hello?");
	}

	@Test
	void aReplyToAMergedConversationLandsInTheOneItWasMergedInto() throws Exception {
		deliver(mail("mo@customer.test", "Mo", "Order 77", "Where is order 77?", "<order77@customer.test>", null));
		deliver(mail("mo@customer.test", "Mo", "Invoice 77", "The invoice is wrong", "<invoice77@customer.test>",
				null));
		poll();
		JsonNode conversations = emailConversations();
		assertThat(conversations.size()).isEqualTo(2);
		String order = idWithSubject(conversations, "Order 77");
		String invoice = idWithSubject(conversations, "Invoice 77");
		assertThat(
				this.api.post("/api/conversations/" + order + "/merge", this.owner, Map.of("conversationId", invoice))
					.status())
			.isEqualTo(200);

		deliver(mail("mo@customer.test", "Mo", "Re: Invoice 77", "It should say 40 euros",
				"<re-invoice77@customer.test>",
				Map.of("In-Reply-To", "<invoice77@customer.test>", "References", "<invoice77@customer.test>")));
		poll();

		// no conversation is made again from the mail of the merged one
		assertThat(emailConversations().size()).isEqualTo(2);
		assertThat(contentsOf(order)).containsExactly("Where is order 77?", "It should say 40 euros");
		assertThat(contentsOf(invoice)).containsExactly("The invoice is wrong");
		assertThat(this.api.get("/api/conversations/" + invoice, this.owner).data().get("status").stringValue())
			.isEqualTo("closed");
	}

	private static String idWithSubject(JsonNode conversations, String subject) {
		for (JsonNode conversation : conversations) {
			if (subject.equals(conversation.get("subject").stringValue())) {
				return conversation.get("id").stringValue();
			}
		}
		throw new AssertionError("No conversation about " + subject + " in " + conversations);
	}

}
