package io.parley.dashboard;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SampleImage;
import io.parley.support.TestWorkspace;
import io.parley.support.Visitors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files from the conversation page over HTTP (decision 107): the agent who handles the
 * conversation sends one with the session and the CSRF token and gets its row back;
 * whoever sees the conversation downloads it with their session, nobody else; a request
 * without the token, by a member outside the conversation, of a type not sent or too
 * large changes nothing.
 */
@ParleyIntegrationTest
class DashboardAttachmentsIntegrationTests {

	private static final Pattern DOWNLOAD = Pattern.compile("/app/attachments/([0-9a-f-]{36})");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	Visitors visitors;

	TestWorkspace workspace;

	TestUser agent;

	String conversation;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.visitors = new Visitors(this.context);
		this.workspace = TestWorkspace.create(this.api);
		this.agent = this.workspace.join(this.api, Map.of("role", "agent"));
		this.conversation = this.visitors.conversation(this.visitors.visitor(this.workspace.id(), "Ada"),
				"My parcel came broken");
		Api.Reply assigned = this.api.post("/api/conversations/" + this.conversation + "/assign",
				this.workspace.owner().token(), Map.of("agentId", this.agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
	}

	@Test
	void theAgentSendsAnImageThatThoseWhoSeeTheConversationDownload() {
		DashboardClient browser = DashboardClient.signedIn(this.port, this.agent.email(), TestWorkspace.PASSWORD);
		Page page = browser.get("/app/conversations/" + this.conversation);
		assertThat(page.body()).contains("id=\"attach\"").contains("enctype=\"multipart/form-data\"");
		byte[] png = SampleImage.png();

		Page sent = browser.htmxUpload("/app/conversations/" + this.conversation + "/attachments", "label.png",
				"image/png", png, true);

		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		assertThat(sent.body()).contains("class=\"thumbnail\"").contains("alt=\"label.png\"");
		Matcher link = DOWNLOAD.matcher(sent.body());
		assertThat(link.find()).as(sent.body()).isTrue();
		String path = link.group();
		HttpResponse<byte[]> download = browser.download(path);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.body()).isEqualTo(png);
		assertThat(fileMessages()).isEqualTo(1);
		// the page shows it in the history too
		assertThat(browser.get("/app/conversations/" + this.conversation).body()).contains(path);

		DashboardClient owner = DashboardClient.signedIn(this.port, this.workspace.owner().email(),
				TestWorkspace.PASSWORD);
		assertThat(owner.download(path).statusCode()).isEqualTo(200);
		TestWorkspace other = TestWorkspace.create(this.api);
		DashboardClient stranger = DashboardClient.signedIn(this.port, other.owner().email(), TestWorkspace.PASSWORD);
		assertThat(stranger.download(path).statusCode()).isEqualTo(404);
		TestUser colleague = this.workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient outsider = DashboardClient.signedIn(this.port, colleague.email(), TestWorkspace.PASSWORD);
		assertThat(outsider.download(path).statusCode()).as("an agent who does not see the conversation")
			.isEqualTo(404);
		assertThat(new DashboardClient(this.port).download(path).statusCode()).as("no session").isEqualTo(302);
	}

	@Test
	void anUploadWithoutTheTokenOrByAnAgentOutsideTheConversationStoresNothing() {
		String route = "/app/conversations/" + this.conversation + "/attachments";
		DashboardClient browser = DashboardClient.signedIn(this.port, this.agent.email(), TestWorkspace.PASSWORD);
		browser.get("/app/conversations/" + this.conversation);

		Page withoutToken = browser.htmxUpload(route, "label.png", "image/png", SampleImage.png(), false);

		assertThat(withoutToken.status()).isEqualTo(403);
		TestUser colleague = this.workspace.join(this.api, Map.of("role", "agent"));
		DashboardClient outsider = DashboardClient.signedIn(this.port, colleague.email(), TestWorkspace.PASSWORD);
		outsider.get("/app/inbox");
		Page refused = outsider.htmxUpload(route, "label.png", "image/png", SampleImage.png(), true);
		assertThat(refused.status()).as(refused.body()).isIn(403, 404);
		assertThat(refused.body()).contains("class=\"error\"").doesNotContain("Exception");
		assertThat(fileMessages()).isZero();
	}

	@Test
	void aFileOfATypeNotSentOrTooLargeIsRefusedWithAReasonAndStoresNothing() {
		String route = "/app/conversations/" + this.conversation + "/attachments";
		DashboardClient browser = DashboardClient.signedIn(this.port, this.agent.email(), TestWorkspace.PASSWORD);
		browser.get("/app/conversations/" + this.conversation);

		Page page = browser.htmxUpload(route, "invoice.png", "image/png",
				"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
				true);
		Page tooLarge = browser.htmxUpload(route, "big.png", "image/png", new byte[10 * 1024 * 1024 + 1], true);

		assertThat(page.status()).as(page.body()).isEqualTo(415);
		assertThat(page.body()).contains("Files of this type cannot be sent");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(fileMessages()).isZero();
	}

	/** How many messages of the conversation carry files, as the REST API lists them. */
	private int fileMessages() {
		int files = 0;
		for (var message : this.api
			.get("/api/conversations/" + this.conversation + "/messages", this.workspace.owner().token())
			.data()
			.get("items")) {
			if ("file".equals(message.path("type").asString(""))) {
				files++;
			}
		}
		return files;
	}

}
