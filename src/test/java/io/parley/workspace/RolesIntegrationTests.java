package io.parley.workspace;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.workspace.TenantMother.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
@RecordApplicationEvents
class RolesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	Memberships memberships;

	@Autowired
	RoleCatalog catalog;

	@Autowired
	AccessTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	Api api;

	TenantMother tenants;

	Team team;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
		this.tenants = new TenantMother(this.api, this.signUp, this.memberships);
		this.team = this.api.team();
	}

	@Test
	void theBuiltInRolesComeFirstWithWhatTheyGrant() {
		Reply reply = this.api.get("/api/roles", this.team.agent().token());

		assertThat(reply.status()).isEqualTo(200);
		JsonNode roles = reply.data().get("items");
		for (Role role : Role.values()) {
			JsonNode view = roles.get(role.ordinal());
			assertThat(view.get("name").stringValue()).isEqualTo(role.value());
			assertThat(view.get("builtIn").booleanValue()).isTrue();
			assertThat(view.has("id")).isFalse();
			assertThat(names(view.get("permissions")))
				.containsExactlyElementsOf(role.permissions().stream().map(Permission::value).toList());
		}
		assertThat(names(roles.get(Role.AGENT.ordinal()).get("permissions"))).containsExactly("conversations.take_part",
				"conversations.handle", "conversations.create", "conversations.update", "conversations.close_assigned",
				"conversations.notes", "contacts.manage", "workspace.view", "canned_responses.use");
	}

	@Test
	void theWorkspacesOwnRolesFollowTheBuiltInOnes() {
		String first = create(this.team.admin().token(), "Billing " + suffix(), List.of("contacts.manage")).data()
			.get("id")
			.stringValue();
		String second = create(this.team.admin().token(), "Auditor " + suffix(), List.of()).data()
			.get("id")
			.stringValue();

		JsonNode roles = this.api.everyItem("/api/roles", this.team.supervisor().token());
		List<String> ids = customIds(roles);
		assertThat(ids).containsSubsequence(first, second);
		assertThat(roles.size()).isEqualTo(Role.values().length + ids.size());
		JsonNode billing = role(roles, first);
		assertThat(billing.get("builtIn").booleanValue()).isFalse();
		assertThat(names(billing.get("permissions"))).containsExactly("contacts.manage");
		assertThat(billing.size()).isEqualTo(4);
	}

	@Test
	void everyPermissionIsListedWithADescription() {
		Reply reply = this.api.get("/api/permissions", this.team.agent().token());

		assertThat(reply.status()).isEqualTo(200);
		assertThat(names(reply.data()))
			.containsExactlyElementsOf(Arrays.stream(Permission.values()).map(Permission::value).toList());
		for (JsonNode permission : reply.data()) {
			assertThat(permission.get("description").stringValue()).isNotBlank();
			assertThat(permission.size()).isEqualTo(2);
		}
	}

	@Test
	void candidatesSeeNoRolesAndOnlyRoleManagersChangeThem() {
		for (String path : List.of("/api/roles", "/api/permissions")) {
			assertRefused(this.api.get(path, this.team.candidate().token()), 403,
					"Forbidden, insufficient permissions");
			assertRefused(this.api.get(path, null), 401, "Unauthorized, token missing or invalid");
		}
		String id = create(this.team.admin().token(), "Kept " + suffix(), List.of()).data().get("id").stringValue();
		JsonNode before = roleById(id);
		Map<String, Object> body = Map.of("name", "X " + suffix(), "permissions", List.of());
		for (TestUser caller : List.of(this.team.supervisor(), this.team.agent(), this.team.candidate())) {
			assertRefused(create(caller.token(), "Mine " + suffix(), List.of()), 403,
					"Forbidden, insufficient permissions");
			assertRefused(put(id, caller.token(), body), 403, "Forbidden, insufficient permissions");
			assertRefused(delete(id, caller.token()), 403, "Forbidden, insufficient permissions");
		}
		assertThat(roleById(id)).isEqualTo(before);
	}

	@Test
	void anAdminCreatesARoleWithATrimmedName() {
		String name = "Night shift " + suffix();
		Reply reply = create(this.team.admin().token(), "  " + name + "  ",
				List.of("conversations.view_all", "conversations.notes", "conversations.notes"));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		assertThat(reply.data().get("id").stringValue()).isNotBlank();
		assertThat(reply.data().get("name").stringValue()).isEqualTo(name);
		assertThat(reply.data().get("builtIn").booleanValue()).isFalse();
		assertThat(names(reply.data().get("permissions"))).containsExactly("conversations.view_all",
				"conversations.notes");
		assertThat(roleById(reply.data().get("id").stringValue())).isEqualTo(reply.data());
	}

	@Test
	void aNameOfFiftyCharactersIsTheLongest() {
		assertThat(create(this.team.admin().token(), suffix() + "n".repeat(42), List.of()).status()).isEqualTo(201);

		assertRefused(create(this.team.admin().token(), suffix() + "n".repeat(43), List.of()), 400,
				"Invalid request schema");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Admin", "OWNER", "agent", " Supervisor ", "candidate" })
	void aRoleCannotTakeABuiltInName(String name) {
		int before = customIds(roles()).size();

		assertRefused(create(this.team.admin().token(), name, List.of()), 409, "A role with this name already exists");
		assertThat(customIds(roles())).hasSize(before);
	}

	@Test
	void aNameIsUniqueInTheWorkspaceWhateverItsCase() {
		String name = "Billing " + suffix();
		assertThat(create(this.team.admin().token(), name, List.of()).status()).isEqualTo(201);
		int before = customIds(roles()).size();

		assertRefused(create(this.team.admin().token(), name, List.of("contacts.manage")), 409,
				"A role with this name already exists");
		assertRefused(create(this.team.admin().token(), name.toUpperCase(), List.of()), 409,
				"A role with this name already exists");
		assertThat(customIds(roles())).hasSize(before);

		Tenant tenant = this.tenants.newWorkspace();
		assertThat(create(tenant.owner().token(), name, List.of()).status()).isEqualTo(201);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"name\":\"A\"}", "{\"permissions\":[]}", "{\"name\":\"\",\"permissions\":[]}",
			"{\"name\":\"   \",\"permissions\":[]}", "{\"name\":\"A\",\"permissions\":[\"conversations.fly\"]}",
			"{\"name\":\"A\",\"permissions\":[\"CONVERSATIONS.VIEW_ALL\"]}",
			"{\"name\":\"A\",\"permissions\":[\"VIEW_WORKSPACE\"]}", "{\"name\":\"A\",\"permissions\":[null]}",
			"{\"name\":\"A\",\"permissions\":\"workspace.view\"}", "{\"name\":\"A\",\"permissions\":[1]}",
			"{\"name\":5,\"permissions\":[]}", "{\"name\":null,\"permissions\":[]}", "[]", "null", "{\"name\":" })
	void aMalformedRoleIsRefusedAndNothingChanges(String body) {
		String id = create(this.team.admin().token(), "Stable " + suffix(), List.of("contacts.manage")).data()
			.get("id")
			.stringValue();
		JsonNode before = roles();

		assertRefused(this.api.send("POST", "/api/roles", this.team.admin().token(), "application/json", body), 400,
				"Invalid request schema");
		assertRefused(this.api.send("PUT", "/api/roles/" + id, this.team.admin().token(), "application/json", body),
				400, "Invalid request schema");
		assertThat(roles()).isEqualTo(before);
	}

	@Test
	void nobodyPutsIntoARolePowersTheyDoNotHold() {
		assertThat(create(this.team.admin().token(), "Router " + suffix(), List.of("conversations.assign")).status())
			.as("routing work is not an administrative power")
			.isEqualTo(201);

		Reply handlers = create(this.team.admin().token(), "Handlers " + suffix(),
				List.of("conversations.handle", "conversations.take_part", "conversations.close_assigned"));
		assertThat(handlers.status()).as(handlers.raw()).isEqualTo(201);

		String roleManager = create(this.team.admin().token(), "Role manager " + suffix(),
				List.of("roles.manage", "workspace.view"))
			.data()
			.get("id")
			.stringValue();
		setCustomRole(this.team.agent(), roleManager);
		int before = customIds(roles()).size();
		assertRefused(create(this.team.agent().token(), "Escalated " + suffix(), List.of("members.manage")), 403,
				"Forbidden, insufficient permissions");
		assertThat(customIds(roles())).hasSize(before);
		assertThat(create(this.team.agent().token(), "Viewers " + suffix(), List.of("workspace.view")).status())
			.isEqualTo(201);

		Tenant tenant = this.tenants.newWorkspace();
		assertThat(create(tenant.owner().token(), "Router", List.of("conversations.assign")).status()).isEqualTo(201);
	}

	@Test
	void aRoleIsRenamedAndGivenOtherPermissions() {
		String id = create(this.team.admin().token(), "Draft " + suffix(), List.of("contacts.manage")).data()
			.get("id")
			.stringValue();
		String name = "Final " + suffix();

		Reply reply = put(id, this.team.admin().token(),
				Map.of("name", name, "permissions", List.of("workspace.view", "analytics.view")));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("id").stringValue()).isEqualTo(id);
		assertThat(reply.data().get("name").stringValue()).isEqualTo(name);
		assertThat(names(reply.data().get("permissions"))).containsExactly("workspace.view", "analytics.view");
		assertThat(roleById(id)).isEqualTo(reply.data());
		Reply sameNameOtherCase = put(id, this.team.admin().token(),
				Map.of("name", name.toUpperCase(), "permissions", List.of()));
		assertThat(sameNameOtherCase.status()).as(sameNameOtherCase.raw()).isEqualTo(200);
	}

	@Test
	void anUpdateFollowsTheRulesOfCreation() {
		String taken = "Taken " + suffix();
		create(this.team.admin().token(), taken, List.of());
		String id = create(this.team.admin().token(), "Mine " + suffix(), List.of()).data().get("id").stringValue();
		JsonNode before = roleById(id);

		assertRefused(put(id, this.team.admin().token(), Map.of("name", taken.toLowerCase(), "permissions", List.of())),
				409, "A role with this name already exists");
		assertRefused(put(id, this.team.admin().token(), Map.of("name", "admin", "permissions", List.of())), 409,
				"A role with this name already exists");
		String roleManager = create(this.team.admin().token(), "Role manager " + suffix(),
				List.of("roles.manage", "workspace.view"))
			.data()
			.get("id")
			.stringValue();
		TestUser manager = this.api.signUp("supervisor");
		setCustomRole(manager, roleManager);
		assertRefused(put(id, manager.token(), Map.of("name", "Analysts", "permissions", List.of("analytics.view"))),
				403, "Forbidden, insufficient permissions");
		assertThat(roleById(id)).isEqualTo(before);
	}

	@Test
	void changedPermissionsApplyToTheHoldersNextRequest() {
		String id = create(this.team.admin().token(), "Quiet " + suffix(), List.of()).data().get("id").stringValue();
		setCustomRole(this.team.agent(), id);
		assertThat(this.api.get("/api/members", this.team.agent().token()).status()).isEqualTo(403);

		put(id, this.team.admin().token(),
				Map.of("name", "Watchers " + suffix(), "permissions", List.of("workspace.view")));

		assertThat(this.api.get("/api/members", this.team.agent().token()).status()).isEqualTo(200);
		assertThat(this.api.get("/auth/me", this.team.agent().token()).data().get("role").stringValue())
			.startsWith("Watchers ");
	}

	@Test
	void changingARoleAnnouncesItToEveryHolder() {
		Caller admin = this.tokens.verify(this.team.admin().token()).orElseThrow();
		String id = create(this.team.admin().token(), "Pair " + suffix(), List.of()).data().get("id").stringValue();
		setCustomRole(this.team.agent(), id);
		setCustomRole(this.team.candidate(), id);

		this.catalog.update(admin, id, "Pair " + suffix(), List.of("workspace.view"));

		assertThat(this.events.stream(MembershipChanged.class)).containsExactlyInAnyOrder(
				new MembershipChanged(WorkspaceId.DEFAULT, UserId.parse(this.team.agent().id()).orElseThrow(),
						admin.userId()),
				new MembershipChanged(WorkspaceId.DEFAULT, UserId.parse(this.team.candidate().id()).orElseThrow(),
						admin.userId()));
	}

	@Test
	void anUnusedRoleIsDeleted() {
		String id = create(this.team.admin().token(), "Gone " + suffix(), List.of()).data().get("id").stringValue();

		Reply reply = delete(id, this.team.admin().token());

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(customIds(roles())).doesNotContain(id);
		assertRefused(delete(id, this.team.admin().token()), 404, "Role not found");
		assertRefused(put(id, this.team.admin().token(), Map.of("name", "Back", "permissions", List.of())), 404,
				"Role not found");
	}

	@Test
	void aRoleHeldByAMemberIsNotDeleted() {
		String id = create(this.team.admin().token(), "Held " + suffix(), List.of()).data().get("id").stringValue();
		setCustomRole(this.team.agent(), id);

		assertRefused(delete(id, this.team.admin().token()), 409, "Role is still held by members");
		assertThat(customIds(roles())).contains(id);

		assertThat(patch(this.team.agent().id(), Map.of("role", "agent")).status()).isEqualTo(200);
		assertThat(delete(id, this.team.admin().token()).status()).isEqualTo(200);
	}

	@Test
	void aRoleOfferedByAPendingInvitationIsNotDeletedButOneOfAnExpiredInvitationIs() {
		String id = create(this.team.admin().token(), "Invited " + suffix(), List.of()).data().get("id").stringValue();
		String invitation = invite(id, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));

		assertRefused(delete(id, this.team.admin().token()), 409, "Role is still held by members");
		assertThat(customIds(roles())).contains(id);

		this.jdbc.sql("UPDATE invitations SET expires_at = ? WHERE id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), UUID.fromString(invitation))
			.update();
		assertThat(delete(id, this.team.admin().token()).status()).isEqualTo(200);
		assertThat(customIds(roles())).doesNotContain(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "00000000-0000-0000-0000-000000000000", "not-a-role" })
	void anIdThatNamesNoRoleIsNotFound(String id) {
		assertRefused(put(id, this.team.admin().token(), Map.of("name", "Some " + suffix(), "permissions", List.of())),
				404, "Role not found");
		assertRefused(delete(id, this.team.admin().token()), 404, "Role not found");
	}

	@Test
	void anotherWorkspacesRolesAreNeitherSeenNorChanged() {
		Tenant tenant = this.tenants.newWorkspace();
		String theirs = create(tenant.owner().token(), "Theirs", List.of("workspace.view")).data()
			.get("id")
			.stringValue();
		String ours = create(this.team.admin().token(), "Ours " + suffix(), List.of()).data().get("id").stringValue();
		JsonNode theirRoles = this.api.everyItem("/api/roles", tenant.owner().token());
		JsonNode ourRoles = roles();

		assertThat(customIds(ourRoles)).doesNotContain(theirs);
		assertThat(customIds(theirRoles)).containsExactly(theirs);
		Map<String, Object> body = Map.of("name", "Hijacked", "permissions", List.of());
		assertRefused(put(theirs, this.team.admin().token(), body), 404, "Role not found");
		assertRefused(delete(theirs, this.team.admin().token()), 404, "Role not found");
		assertRefused(put(ours, tenant.owner().token(), body), 404, "Role not found");
		assertRefused(delete(ours, tenant.owner().token()), 404, "Role not found");
		assertThat(this.api.everyItem("/api/roles", tenant.owner().token())).isEqualTo(theirRoles);
		assertThat(roles()).isEqualTo(ourRoles);
	}

	private Reply create(String token, String name, List<String> permissions) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("permissions", permissions);
		return this.api.post("/api/roles", token, body);
	}

	private Reply put(String id, String token, Object body) {
		return this.api.send("PUT", "/api/roles/" + id, token, "application/json", Api.JSON.writeValueAsString(body));
	}

	private Reply delete(String id, String token) {
		return this.api.send("DELETE", "/api/roles/" + id, token, null, null);
	}

	private Reply patch(String userId, Object body) {
		return this.api.send("PATCH", "/api/members/" + userId, this.team.admin().token(), "application/json",
				Api.JSON.writeValueAsString(body));
	}

	private void setCustomRole(TestUser member, String roleId) {
		Reply reply = patch(member.id(), Map.of("customRoleId", roleId));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
	}

	/** An invitation as the invitations feature stores it; returns its id. */
	private String invite(String roleId, OffsetDateTime expiresAt) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("INSERT INTO invitations (id, workspace_id, email, role, custom_role_id, supervisor_id, token_hash, "
					+ "invited_by, expires_at, accepted_at, created_at) "
					+ "VALUES (?, ?, ?, 'custom', ?, NULL, ?, ?, ?, NULL, ?)")
			.params(id, WorkspaceId.DEFAULT.value(), "invited-" + id + "@example.com", UUID.fromString(roleId),
					(id.toString() + id).replace("-", ""), UUID.fromString(this.team.admin().id()), expiresAt,
					OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		return id.toString();
	}

	private JsonNode roles() {
		return this.api.everyItem("/api/roles", this.team.admin().token());
	}

	private JsonNode roleById(String id) {
		return role(roles(), id);
	}

	private static JsonNode role(JsonNode roles, String id) {
		for (JsonNode role : roles) {
			if (role.has("id") && role.get("id").stringValue().equals(id)) {
				return role;
			}
		}
		throw new AssertionError("No role " + id + " in " + roles);
	}

	private static List<String> customIds(JsonNode roles) {
		return roles.valueStream()
			.filter((role) -> role.has("id"))
			.map((role) -> role.get("id").stringValue())
			.toList();
	}

	private static List<String> names(JsonNode values) {
		return values.valueStream()
			.map((value) -> value.isString() ? value.stringValue() : value.get("name").stringValue())
			.toList();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static void assertRefused(Reply reply, int status, String error) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
		assertThat(reply.error()).isEqualTo(error);
	}

}
