package io.parley.dashboard;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply box's two JSON menus, {@code /} for canned responses and {@code @} for
 * mentions, on their refusing side: what another member keeps private, another
 * workspace's responses and conversations, and members who may not read notes stay out of
 * them.
 */
@ParleyIntegrationTest
class DashboardReplyMenusIntegrationTests {

	private static final String CANNED = "/api/canned-responses";

	@LocalServerPort
	int port;

	Api api;

	TestWorkspace workspace;

	TestUser agent;

	DashboardClient browser;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.workspace = TestWorkspace.create(this.api);
		this.agent = this.workspace.join(this.api, Map.of("role", "agent"));
		this.browser = DashboardClient.signedIn(this.port, this.agent.email(), TestWorkspace.PASSWORD);
	}

	@Test
	void theCannedMenuShowsMineAndTheSharedOnesButNotAColleaguesPrivateOnes() {
		TestUser colleague = this.workspace.join(this.api, Map.of("role", "agent"));
		canned(this.workspace.owner(), "refund", "We refunded it.", "shared");
		canned(this.agent, "mine", "My own words.", "private");
		canned(colleague, "secret", "Not for others.", "private");

		assertThat(shortcuts(this.browser.get("/app/canned-responses/menu"))).containsExactly("mine", "refund");
		assertThat(shortcuts(this.browser.get("/app/canned-responses/menu?q=sec"))).isEmpty();
		assertThat(shortcuts(this.browser.get("/app/canned-responses/menu?q=" + "r".repeat(101))))
			.as("a query too long for a shortcut is no query")
			.containsExactly("mine", "refund");
		assertThat(new DashboardClient(this.port).get("/app/canned-responses/menu").status())
			.as("signed out: to the sign-in page")
			.isEqualTo(302);
	}

	@Test
	void renderingRefusesAnotherWorkspacesResponseAndConversationAndAFormWithoutTheToken() {
		String conversation = conversation(this.agent, "Ada Lovelace");
		String greeting = canned(this.agent, "greet", "Hi {{contact.name}}!", "private");
		TestWorkspace other = TestWorkspace.create(this.api);
		String theirs = canned(other.owner(), "theirs", "Theirs, {{contact.name}}.", "shared");
		String theirConversation = conversation(other.owner(), "Grace Hopper");
		this.browser.get("/app/inbox");

		Page filled = this.browser.htmxPost("/app/canned-responses/" + greeting + "/render",
				"conversationId=" + conversation);
		Page foreignResponse = this.browser.htmxPost("/app/canned-responses/" + theirs + "/render",
				"conversationId=" + conversation);
		Page foreignConversation = this.browser.htmxPost("/app/canned-responses/" + greeting + "/render",
				"conversationId=" + theirConversation);
		Page unknown = this.browser.htmxPost("/app/canned-responses/" + UUID.randomUUID() + "/render",
				"conversationId=" + conversation);
		Page withoutToken = this.browser.postWithoutToken("/app/canned-responses/" + greeting + "/render",
				Map.of("conversationId", conversation));

		assertThat(filled.status()).as(filled.body()).isEqualTo(200);
		assertThat(Api.JSON.readTree(filled.body()).get("body").stringValue()).isEqualTo("Hi Ada Lovelace!");
		for (Page refused : List.of(foreignResponse, foreignConversation, unknown)) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(404);
			assertThat(refused.body()).doesNotContain("Grace Hopper")
				.doesNotContain("Theirs,")
				.doesNotContain("Exception");
		}
		assertThat(withoutToken.status()).isEqualTo(403);
		assertThat(withoutToken.body()).doesNotContain("Ada Lovelace");
	}

	@Test
	void theMentionMenuListsOnlyThisWorkspacesNoteReadersAndNeverTheCaller() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		TestUser supervisor = member(this.workspace, "supervisor", "Sam " + tag);
		member(this.workspace, "agent", "Alex " + tag);
		TestWorkspace other = TestWorkspace.create(this.api);
		member(other, "agent", "Andy " + tag);
		DashboardClient samsBrowser = DashboardClient.signedIn(this.port, supervisor.email(), TestWorkspace.PASSWORD);

		assertThat(names(samsBrowser.get("/app/members/mentionable?q=" + tag))).containsExactly("Alex " + tag);
		assertThat(names(this.browser.get("/app/members/mentionable?q=" + tag.toUpperCase())))
			.containsExactlyInAnyOrder("Alex " + tag, "Sam " + tag);
		assertThat(names(this.browser.get("/app/members/mentionable?q=" + "x".repeat(300)))).isEmpty();
		assertThat(new DashboardClient(this.port).get("/app/members/mentionable").status()).isEqualTo(302);
	}

	private TestUser member(TestWorkspace workspace, String role, String name) {
		String email = "m-" + UUID.randomUUID() + "@example.com";
		Reply accepted = TestWorkspace.accept(this.api, workspace.invite(this.api, email, Map.of("role", role)),
				Map.of("name", name, "password", TestWorkspace.PASSWORD));
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		String token = accepted.data().get("token").stringValue();
		return new TestUser(this.api.get("/auth/me", token).data().get("_id").stringValue(), email, role, token);
	}

	private String canned(TestUser owner, String shortcut, String body, String visibility) {
		Reply created = this.api.post(CANNED, owner.token(),
				Map.of("shortcut", shortcut, "title", shortcut, "body", body, "visibility", visibility));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.data().get("id").stringValue();
	}

	private String conversation(TestUser caller, String contactName) {
		Reply contact = this.api.post("/api/contacts", caller.token(),
				Map.of("name", contactName, "email", "c-" + UUID.randomUUID() + "@example.com"));
		assertThat(contact.status()).as(contact.raw()).isEqualTo(201);
		Reply opened = this.api.post("/api/conversations", caller.token(),
				Map.of("contactId", contact.data().get("id").stringValue()));
		assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
		return opened.data().get("id").stringValue();
	}

	private static List<String> shortcuts(Page menu) {
		assertThat(menu.status()).as(menu.body()).isEqualTo(200);
		return Api.JSON.readTree(menu.body()).valueStream().map((item) -> item.get("shortcut").stringValue()).toList();
	}

	private static List<String> names(Page menu) {
		assertThat(menu.status()).as(menu.body()).isEqualTo(200);
		return Api.JSON.readTree(menu.body()).valueStream().map((item) -> item.get("name").stringValue()).toList();
	}

}
