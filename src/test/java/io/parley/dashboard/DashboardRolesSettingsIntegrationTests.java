package io.parley.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.Api;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles and permissions page over HTTP: every role with what it grants, custom roles
 * created, changed and deleted as {@code /api/roles} allows, refusals beside their field
 * with nothing changed, other workspaces' roles answered as missing, and forms without
 * the CSRF token refused.
 */
@ParleyIntegrationTest
class DashboardRolesSettingsIntegrationTests {

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void anAgentIsRefusedTheRolesPageAndItsFormsWithNothingChanged() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser agent = workspace.join(this.api, Map.of("role", "agent"));
		String role = createRole(workspace, "Billing", List.of("conversations.handle"));
		DashboardClient browser = DashboardClient.signedIn(this.port, agent.email(), TestWorkspace.PASSWORD);

		Page page = browser.get("/app/settings/roles");
		Page edit = browser.get("/app/settings/roles/" + role);
		Page create = browser.post("/app/settings/roles", Map.of("name", "Mine", "permissions", "roles.manage"));
		Page update = browser.post("/app/settings/roles/" + role, Map.of("name", "Taken over"));
		Page delete = browser.post("/app/settings/roles/" + role + "/delete", Map.of());

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).contains("You may not do this with your role.");
		assertThat(edit.status()).isEqualTo(403);
		assertThat(create.status()).isEqualTo(403);
		assertThat(update.status()).isEqualTo(403);
		assertThat(delete.status()).isEqualTo(403);
		assertThat(customRoleNames(workspace)).containsExactly("Billing");
	}

	@Test
	void anAdminCreatesEditsAndDeletesACustomRole() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		TestUser admin = workspace.join(this.api, Map.of("role", "admin"));
		DashboardClient browser = DashboardClient.signedIn(this.port, admin.email(), TestWorkspace.PASSWORD);
		Page page = browser.get("/app/settings/roles");

		Page created = browser.postForm("/app/settings/roles", List.of(Map.entry("name", "Night shift"),
				Map.entry("permissions", "conversations.handle"), Map.entry("permissions", "conversations.take_part")));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"role-admin\"")
			.contains("data-role=\"agent\" data-permission=\"conversations.handle\">")
			.contains("id=\"permission-members.manage\"");
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).endsWith("/app/settings/roles?created");
		JsonNode role = customRole(workspace, "Night shift");
		assertThat(permissionsOf(role)).containsExactlyInAnyOrder("conversations.handle", "conversations.take_part");
		String id = role.get("id").stringValue();
		Page list = browser.get("/app/settings/roles?created");
		assertThat(list.body()).contains("The role was created.").contains("href=\"/app/settings/roles/" + id + "\"");

		Page editor = browser.get("/app/settings/roles/" + id);
		Page updated = browser.postForm("/app/settings/roles/" + id, List.of(Map.entry("name", "Late shift"),
				Map.entry("permissions", "conversations.handle"), Map.entry("permissions", "conversations.notes")));

		assertThat(editor.status()).isEqualTo(200);
		assertThat(editor.body()).contains("value=\"Night shift\"")
			.containsPattern("id=\"permission-conversations.take_part\"[^>]*checked=\"checked\"")
			.doesNotContainPattern("id=\"permission-conversations.notes\"[^>]*checked=\"checked\"");
		assertThat(updated.status()).isEqualTo(302);
		JsonNode renamed = customRole(workspace, "Late shift");
		assertThat(permissionsOf(renamed)).containsExactlyInAnyOrder("conversations.handle", "conversations.notes");

		Page deleted = browser.post("/app/settings/roles/" + id + "/delete", Map.of());

		assertThat(deleted.status()).isEqualTo(302);
		assertThat(deleted.location()).endsWith("/app/settings/roles?deleted");
		assertThat(customRoleNames(workspace)).isEmpty();
		assertThat(browser.getInLanguage("/app/settings/roles", "de").body()).contains("Rollen und Berechtigungen")
			.contains("Interne Notizen lesen und schreiben, die Kunden nie sehen");
	}

	@Test
	void refusedRoleFormsComeBackWithWhatWasTypedAndTheReasonBesideTheField() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String held = createRole(workspace, "Billing", List.of("conversations.handle"));
		workspace.join(this.api, Map.of("customRoleId", held));
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);
		owner.get("/app/settings/roles");

		Page taken = owner.postForm("/app/settings/roles",
				List.of(Map.entry("name", "billing"), Map.entry("permissions", "conversations.notes")));
		Page builtIn = owner.post("/app/settings/roles", Map.of("name", "Admin"));
		Page blank = owner.post("/app/settings/roles", Map.of("name", "  "));
		Page unknown = owner.post("/app/settings/roles", Map.of("name", "Odd", "permissions", "everything"));
		Page inUse = owner.post("/app/settings/roles/" + held + "/delete", Map.of());

		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body()).contains("id=\"role-name-error\"")
			.contains("A role with this name already exists.")
			.contains("value=\"billing\"")
			.containsPattern("id=\"permission-conversations.notes\"[^>]*checked=\"checked\"")
			.contains("id=\"roles\"");
		assertThat(builtIn.status()).isEqualTo(409);
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("Give the role a name of 1 to 50 characters.");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(inUse.status()).isEqualTo(409);
		assertThat(inUse.body()).contains("id=\"role-delete-error\"")
			.contains("This role is still held by a member or given by a pending invitation.")
			.contains("value=\"Billing\"");
		assertThat(customRoleNames(workspace)).containsExactly("Billing");
	}

	@Test
	void aRoleManagerOffersOnlyThePermissionsTheyHoldAndIsRefusedTheOthers() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String keeper = createRole(workspace, "Role keeper", List.of("roles.manage", "workspace.view"));
		TestUser member = workspace.join(this.api, Map.of("customRoleId", keeper));
		DashboardClient browser = DashboardClient.signedIn(this.port, member.email(), TestWorkspace.PASSWORD);

		Page page = browser.get("/app/settings/roles");
		Page members = browser.get("/app/settings/members");
		Page escalate = browser.post("/app/settings/roles", Map.of("name", "Boss", "permissions", "members.manage"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).containsPattern("id=\"permission-members.manage\"[^>]*disabled=\"disabled\"")
			.doesNotContainPattern("id=\"permission-conversations.handle\"[^>]*disabled");
		assertThat(members.status()).isEqualTo(403);
		assertThat(escalate.status()).isEqualTo(403);
		assertThat(escalate.body()).contains("id=\"role-permissions-error\"")
			.contains("You may not give a permission you do not hold yourself.");
		assertThat(customRoleNames(workspace)).containsExactly("Role keeper");
	}

	@Test
	void anotherWorkspacesRolesAreNotFound() {
		TestWorkspace mine = TestWorkspace.create(this.api);
		TestWorkspace theirs = TestWorkspace.create(this.api);
		String theirRole = createRole(theirs, "Theirs", List.of("conversations.handle"));
		DashboardClient browser = DashboardClient.signedIn(this.port, mine.owner().email(), TestWorkspace.PASSWORD);
		browser.get("/app/settings/roles");

		Page edit = browser.get("/app/settings/roles/" + theirRole);
		Page update = browser.post("/app/settings/roles/" + theirRole, Map.of("name", "Mine now"));
		Page delete = browser.post("/app/settings/roles/" + theirRole + "/delete", Map.of());
		Page builtIn = browser.get("/app/settings/roles/admin");

		assertThat(edit.status()).isEqualTo(404);
		assertThat(edit.body()).contains("This role does not exist in this workspace.");
		assertThat(update.status()).isEqualTo(404);
		assertThat(delete.status()).isEqualTo(404);
		assertThat(builtIn.status()).isEqualTo(404);
		assertThat(customRoleNames(theirs)).containsExactly("Theirs");
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefusedAndChangeNothing() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String role = createRole(workspace, "Billing", List.of("conversations.handle"));
		DashboardClient owner = DashboardClient.signedIn(this.port, workspace.owner().email(), TestWorkspace.PASSWORD);
		owner.get("/app/settings/roles");

		Page create = owner.postWithoutToken("/app/settings/roles", Map.of("name", "Forged"));
		Page update = owner.postWithoutToken("/app/settings/roles/" + role, Map.of("name", "Forged"));
		Page delete = owner.postWithoutToken("/app/settings/roles/" + role + "/delete", Map.of());

		assertThat(create.status()).isEqualTo(403);
		assertThat(update.status()).isEqualTo(403);
		assertThat(delete.status()).isEqualTo(403);
		assertThat(customRoleNames(workspace)).containsExactly("Billing");
	}

	private String createRole(TestWorkspace workspace, String name, List<String> permissions) {
		Api.Reply created = this.api.post("/api/roles", workspace.owner().token(),
				Map.of("name", name, "permissions", permissions));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.data().get("id").stringValue();
	}

	private List<String> customRoleNames(TestWorkspace workspace) {
		return customRoles(workspace).stream().map((role) -> role.get("name").stringValue()).toList();
	}

	private JsonNode customRole(TestWorkspace workspace, String name) {
		return customRoles(workspace).stream()
			.filter((role) -> role.get("name").stringValue().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no role " + name));
	}

	private List<JsonNode> customRoles(TestWorkspace workspace) {
		List<JsonNode> roles = new ArrayList<>();
		this.api.everyItem("/api/roles", workspace.owner().token()).forEach((role) -> {
			if (!role.get("builtIn").asBoolean()) {
				roles.add(role);
			}
		});
		return roles;
	}

	private static List<String> permissionsOf(JsonNode role) {
		List<String> names = new ArrayList<>();
		role.get("permissions").forEach((permission) -> names.add(permission.stringValue()));
		return names;
	}

}
