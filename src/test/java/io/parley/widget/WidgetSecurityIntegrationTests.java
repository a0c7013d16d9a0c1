package io.parley.widget;

import java.util.List;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import io.parley.widget.WidgetClient.Answer;
import io.parley.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's own security chain: its files cached, its iframe framed only by the
 * allowed domains, its visitor routes opened by a visitor token alone and only from an
 * allowed origin.
 */
@ParleyIntegrationTest
class WidgetSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	VisitorTokens tokens;

	Api api;

	TestWorkspace workspace;

	WidgetClient widget;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.widget = new WidgetClient(this.port, null);
	}

	@Test
	void anUnknownKeyHasNoFrame() {
		Answer frame = this.widget.get("/widget/frame.html?key=wk_unknown", null);

		assertThat(frame.status()).isEqualTo(404);
		assertThat(frame.raw()).contains("Widget not found");
		assertThat(this.widget.get("/widget/frame.html", null).status()).isEqualTo(404);
	}

	@Test
	void withoutAllowedDomainsEverySiteMayFrameTheWidgetAndTheSettingsWarn() {
		Api.Reply settings = this.api.get("/api/chat/settings", owner());
		String key = settings.data().get("widgetKey").stringValue();

		Answer frame = this.widget.get("/widget/frame.html?key=" + key, null);

		assertThat(frame.status()).as(frame.raw()).isEqualTo(200);
		assertThat(frame.header("Content-Type")).startsWith("text/html");
		assertThat(frame.header("Content-Security-Policy")).endsWith("frame-ancestors *");
		assertThat(frame.header("X-Frame-Options")).isNull();
		assertThat(settings.data().get("warnings").get(0).stringValue())
			.isEqualTo("Every website may embed this widget: add allowed domains");
	}

	@Test
	void onlyTheAllowedDomainsMayFrameTheWidget() {
		Api.Reply saved = this.api.send("PUT", "/api/chat/settings", owner(), "application/json", Api.JSON
			.writeValueAsString(Map.of("allowedDomains", List.of("acme.com", "*.acme.org", "http://localhost:3000"))));
		assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
		assertThat(saved.data().get("warnings").size()).isZero();
		assertThat(saved.data().get("domain").stringValue()).isEqualTo("acme.com");

		Answer frame = this.widget.get("/widget/frame.html?key=" + key(), null);

		assertThat(frame.header("Content-Security-Policy"))
			.endsWith("frame-ancestors 'self' https://acme.com https://*.acme.org http://localhost:3000");
		assertThat(frame.header("X-Frame-Options")).isNull();
	}

	@Test
	void malformedAllowedDomainsAreRefused() {
		for (String entry : List.of("acme.com/path", "ftp://acme.com", "https://acme.com/x", "ac me.com", "*")) {
			Api.Reply reply = this.api.send("PUT", "/api/chat/settings", owner(), "application/json",
					Api.JSON.writeValueAsString(Map.of("allowedDomains", List.of(entry))));
			assertThat(reply.status()).as(entry).isEqualTo(400);
		}
	}

	@Test
	void theWidgetsFilesAreCachedForFiveMinutes() {
		Answer file = this.widget.get("/widget/test-fixture.js", null);

		assertThat(file.status()).isEqualTo(200);
		assertThat(file.header("Cache-Control")).isEqualTo("public, max-age=300");
		assertThat(file.header("Pragma")).isNull();
		assertThat(file.header("Expires")).isNull();
	}

	@Test
	void visitorRoutesNeedAVisitorTokenNotAStaffToken() {
		Answer none = this.widget.get("/api/widget/conversations", null);
		Answer staff = this.widget.get("/api/widget/conversations", owner());
		Answer forged = this.widget.get("/api/widget/conversations", "not.a.token");

		for (Answer refused : List.of(none, staff, forged)) {
			assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
			assertThat(refused.error()).isEqualTo("Unauthorized, token missing or invalid");
		}
		Answer visitor = this.widget.get("/api/widget/conversations", visitorToken());
		assertThat(visitor.status()).as(visitor.raw()).isEqualTo(200);
		assertThat(visitor.data().get("items").size()).isZero();
		assertThat(visitor.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(visitor.header("Cache-Control")).contains("no-store");
	}

	@Test
	void theVisitorIsNoRequestParameterInTheApiDescription() {
		String description = this.widget.get("/v3/api-docs", null).raw();

		assertThat(description).contains("/api/widget/conversations").doesNotContain("\"externalId\"");
	}

	@Test
	void aVisitorTokenIsNoStaffToken() {
		Api.Reply reply = this.api.get("/api/conversations", visitorToken());

		assertThat(reply.status()).isEqualTo(401);
	}

	@Test
	void visitorRoutesRefuseOriginsOutsideTheAllowedDomains() {
		this.api.send("PUT", "/api/chat/settings", owner(), "application/json",
				Api.JSON.writeValueAsString(Map.of("allowedDomains", List.of("http://localhost:3000"))));
		String token = visitorToken();

		Answer foreign = this.widget.from("http://127.0.0.1:4000").get("/api/widget/conversations", token);
		Answer allowed = this.widget.from("http://localhost:3000").get("/api/widget/conversations", token);
		Answer ownPage = this.widget.from("http://localhost:" + this.port).get("/api/widget/conversations", token);

		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.error()).isEqualTo("Origin not allowed");
		assertThat(allowed.status()).as(allowed.raw()).isEqualTo(200);
		assertThat(ownPage.status()).as(ownPage.raw()).isEqualTo(200);
	}

	@Test
	void aRotatedKeyOpensNothing() {
		String old = key();

		Api.Reply rotated = this.api.post("/api/chat/settings/widget-key", owner(), "");

		assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
		String fresh = rotated.data().get("widgetKey").stringValue();
		assertThat(fresh).isNotEqualTo(old).isEqualTo(key());
		assertThat(this.widget.get("/widget/frame.html?key=" + old, null).status()).isEqualTo(404);
		assertThat(this.widget.get("/widget/frame.html?key=" + fresh, null).status()).isEqualTo(200);
	}

	private String owner() {
		return this.workspace.owner().token();
	}

	private String key() {
		return this.api.get("/api/chat/settings", owner()).data().get("widgetKey").stringValue();
	}

	private String visitorToken() {
		return this.tokens.issue(new Visitor(WorkspaceId.parse(this.workspace.id()).orElseThrow(), "visitor-1", null))
			.token();
	}

}
