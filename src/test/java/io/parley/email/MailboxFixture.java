package io.parley.email;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.Eventually;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace with a mailbox on a real mail server (GreenMail: IMAP and SMTP), and what
 * the email tests do with it: deliver mail to it, poll it, read what the staff see.
 */
@ParleyIntegrationTest
abstract class MailboxFixture {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup[] { ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort() })
		.withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailboxPoller poller;

	Api api;

	TestWorkspace workspace;

	String owner;

	String address;

	UUID inbox;

	GreenMailUser mailbox;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.owner = this.workspace.owner().token();
		this.address = "support-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
		this.mailbox = mail.setUser(this.address, this.address, MailboxIntegrationTests.IMAP_PASSWORD);
		this.inbox = UUID.fromString(
				this.api
					.post("/api/email-inboxes", this.owner,
							MailboxIntegrationTests.mailbox(this.address, mail.getImap().getPort(),
									mail.getSmtp().getPort()))
					.data()
					.get("id")
					.stringValue());
	}

	void poll() {
		Eventually.until("the mailbox polled", () -> this.poller.poll(this.inbox));
	}

	JsonNode emailConversations() {
		return this.api.get("/api/conversations?channel=email&limit=100", this.owner).data().get("items");
	}

	static JsonNode only(JsonNode items) {
		assertThat(items.size()).as(items.toString()).isEqualTo(1);
		return items.get(0);
	}

	List<String> contents(JsonNode conversation) {
		return contentsOf(conversation.get("id").stringValue());
	}

	List<String> contentsOf(String conversation) {
		JsonNode items = this.api.get("/api/conversations/" + conversation + "/messages?limit=100", this.owner)
			.data()
			.get("items");
		return java.util.stream.StreamSupport.stream(items.spliterator(), false)
			.filter((message) -> !message.has("note"))
			.map((message) -> message.get("content").stringValue())
			.toList();
	}

	MimeMessage mail(String from, String name, String subject, String text, String messageId,
			Map<String, String> headers) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
			@Override
			protected void updateMessageID() throws jakarta.mail.MessagingException {
				if (messageId != null) {
					setHeader("Message-ID", messageId);
				}
				else {
					super.updateMessageID();
				}
			}
		};
		message.setFrom(new InternetAddress(from, name));
		message.setRecipient(RecipientType.TO, new InternetAddress(this.address));
		message.setSubject(subject);
		if (text != null) {
			message.setText(text, "UTF-8");
		}
		if (headers != null) {
			for (Map.Entry<String, String> header : headers.entrySet()) {
				message.setHeader(header.getKey(), header.getValue());
			}
		}
		message.saveChanges();
		return message;
	}

	void deliver(MimeMessage message) {
		this.mailbox.deliver(message);
	}

	String incoming(String customer, String messageId) throws Exception {
		deliver(mail(customer, "Kim", "Question", "Where is it?", messageId, null));
		poll();
		return emailConversations().get(0).get("id").stringValue();
	}

	TestUser agentOf(String conversation) {
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		Reply assigned = this.api.post("/conversations/" + conversation + "/assign", this.owner,
				Map.of("agentId", agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
		return agent;
	}

	void write(TestUser agent, String conversation, Map<String, String> message) {
		Reply written = this.api.post("/api/conversations/" + conversation + "/messages", agent.token(), message);
		assertThat(written.status()).as(written.raw()).isEqualTo(201);
	}

	void smtpPort(int port) {
		Reply changed = this.api.send("PATCH", "/api/email-inboxes/" + this.inbox, this.owner, "application/json",
				"{\"smtp\":{\"port\":" + port + "}}");
		assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
	}

	static int closedPort() throws Exception {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static List<MimeMessage> received(String address) throws Exception {
		return java.util.Arrays.stream(mail.getReceivedMessages()).filter((message) -> {
			try {
				return message.getAllRecipients()[0].toString().equals(address);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The staff's view of the conversation's message with this text. */
	JsonNode message(String conversation, String content) {
		JsonNode items = this.api.get("/api/conversations/" + conversation + "/messages?limit=100", this.owner)
			.data()
			.get("items");
		for (JsonNode message : items) {
			if (message.get("content").stringValue().equals(content)) {
				return message;
			}
		}
		throw new AssertionError("no message " + content + " in " + items);
	}

}
