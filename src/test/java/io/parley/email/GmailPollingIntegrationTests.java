package io.parley.email;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Gmail inbox without Pub/Sub configured: no watch, pushes refused, and the poller
 * reads the history on its own.
 */
@ParleyIntegrationTest
@DirtiesContext // its own settings
class GmailPollingIntegrationTests {

	static final GoogleStandIn GOOGLE = standIn();

	@LocalServerPort
	int port;

	@Autowired
	GmailPoller poller;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		// Google's stand-in; rounds come from the tests, not from the schedule
		GOOGLE.register(registry);
	}

	@AfterAll
	static void stopGoogle() {
		GOOGLE.close();
	}

	@Test
	void withoutPushTheInboxIsPolledAndNoWatchIsAsked() throws Exception {
		Api api = new Api(this.port);
		String owner = TestWorkspace.create(api).owner().token();
		String address = "polled-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.test";
		GoogleStandIn.Mailbox gmail = GOOGLE.mailbox(address);
		Reply added = api.post("/api/email-inboxes", owner,
				Map.of("kind", "gmail", "displayName", "Acme", "fromAddress", address));
		HttpResponse<String> consent = this.http.send(
				HttpRequest.newBuilder(URI.create(added.data().get("consentUrl").stringValue())).build(),
				HttpResponse.BodyHandlers.ofString());
		URI back = URI.create(consent.headers().firstValue("Location").orElseThrow());
		assertThat(api.send("GET", back.getRawPath() + "?" + back.getRawQuery(), null, null, null).status())
			.isEqualTo(200);
		gmail.arrive(mail(address), null);
		Reply push = api.send("POST", "/api/email-inboxes/gmail/push", null, "application/json",
				GoogleStandIn.pushBody(address, gmail.historyId));
		assertThat(push.status()).as("pushes are not configured").isEqualTo(401);

		this.poller.pollAllNow();

		var conversations = api.get("/api/conversations?channel=email&limit=100", owner).data().get("items");
		assertThat(conversations.size()).isEqualTo(1);
		assertThat(conversations.get(0).get("subject").stringValue()).isEqualTo("Polled");
		assertThat(gmail.watches.get()).isZero();
	}

	private static byte[] mail(String to) throws Exception {
		MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
		message.setFrom(new InternetAddress("kim@customer.test", "Kim"));
		message.setRecipient(RecipientType.TO, new InternetAddress(to));
		message.setSubject("Polled");
		message.setText("Hello by polling", "UTF-8");
		message.saveChanges();
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		message.writeTo(raw);
		return raw.toByteArray();
	}

	private static GoogleStandIn standIn() {
		try {
			return new GoogleStandIn();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
