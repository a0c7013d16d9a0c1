package io.parley.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.identity.User;
import io.parley.identity.UserId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.Team;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import io.parley.workspace.TenantMother.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
@RecordApplicationEvents
class MembersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	SignUp signUp;

	@Autowired
	Memberships memberships;

	@Autowired
	MemberPresence presence;

	@Autowired
	MemberAdministration administration;

	@Autowired
	AccessTokens tokens;

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
	void theListShowsEveryMemberOfTheWorkspaceWithTheirProfile() {
		String admin = this.team.admin().token();

		JsonNode agent = listed(admin, this.team.agent().id());
		assertThat(agent.get("name").stringValue()).isEqualTo("Test agent");
		assertThat(agent.get("email").stringValue()).isEqualTo(this.team.agent().email());
		assertThat(agent.get("role").stringValue()).isEqualTo("agent");
		assertThat(agent.get("customRoleId").isNull()).isTrue();
		assertThat(agent.get("supervisorId").stringValue()).isEqualTo(this.team.supervisor().id());
		assertThat(agent.get("active").booleanValue()).isTrue();
		assertThat(agent.get("displayName").isNull()).isTrue();
		assertThat(agent.get("avatarUrl").isNull()).isTrue();
		assertThat(agent.get("availability").stringValue()).isEqualTo("offline");
		assertThat(agent.get("maxConcurrent").intValue()).isEqualTo(5);
		assertThat(agent.get("joinedAt").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(agent.size()).isEqualTo(12);
		for (TestUser member : List.of(this.team.admin(), this.team.supervisor(), this.team.candidate())) {
			assertThat(listed(admin, member.id()).get("role").stringValue()).isEqualTo(member.role());
		}
	}

	@Test
	void theListComesInPagesOldestFirstThatFollowOneAnother() {
		Tenant tenant = this.tenants.newWorkspace();
		List<String> joined = new ArrayList<>(List.of(tenant.owner().id()));
		for (Role role : List.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT, Role.CANDIDATE)) {
			joined.add(this.tenants.join(tenant, role).id());
		}
		String token = tenant.owner().token();

		Reply first = this.api.get("/api/members?limit=2", token);
		assertThat(ids(first.data().get("items"))).containsExactly(joined.get(0), joined.get(1));
		Reply second = this.api.get("/api/members?limit=2&cursor=" + first.data().get("nextCursor").stringValue(),
				token);
		assertThat(ids(second.data().get("items"))).containsExactly(joined.get(2), joined.get(3));
		Reply last = this.api.get("/api/members?limit=2&cursor=" + second.data().get("nextCursor").stringValue(),
				token);
		assertThat(ids(last.data().get("items"))).containsExactly(joined.get(4));
		assertThat(last.data().get("nextCursor").isNull()).isTrue();

		Reply whole = this.api.get("/api/members", token);
		assertThat(ids(whole.data().get("items"))).containsExactlyElementsOf(joined);
		assertThat(whole.data().get("nextCursor").isNull()).isTrue();
		assertThat(whole.data().size()).isEqualTo(2);
		assertThat(everyMember(token, 1).stream().map((member) -> member.get("userId").stringValue()))
			.containsExactlyElementsOf(joined);
	}

	@Test
	void aPageHoldsFiftyMembersUnlessAskedForUpToAHundred() {
		Tenant tenant = this.tenants.newWorkspace();
		WorkspaceId workspace = WorkspaceId.parse(tenant.id()).orElseThrow();
		for (int i = 0; i < 100; i++) {
			User user = this.signUp.create("Member " + i, "member-" + UUID.randomUUID() + "@example.com", "secret123");
			this.memberships.add(
					SignUp.newMember(workspace, user.account(), MemberRole.of(Role.CANDIDATE), null, user.createdAt()));
		}
		String token = tenant.owner().token();

		Reply page = this.api.get("/api/members", token);
		assertThat(page.data().get("items").size()).isEqualTo(50);
		assertThat(page.data().get("nextCursor").stringValue()).isNotEmpty();
		Reply large = this.api.get("/api/members?limit=100", token);
		assertThat(large.data().get("items").size()).isEqualTo(100);
		Reply rest = this.api.get("/api/members?limit=100&cursor=" + large.data().get("nextCursor").stringValue(),
				token);
		assertThat(rest.data().get("items").size()).isEqualTo(1);
		assertThat(rest.data().get("nextCursor").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "cursor=nope", "cursor=bm9wZQ", "cursor=MjAyNS0wMS0wMVQwMDowMDowMFosMQ", "limit=0",
			"limit=101", "limit=-1", "limit=ten" })
	void aMalformedCursorOrLimitIsAnInvalidRequest(String query) {
		Reply reply = this.api.get("/api/members?" + query, this.team.admin().token());

		assertRefused(reply, 400, "Invalid request schema");
	}

	@Test
	void staffSeeTheMembersAndCandidatesDoNot() {
		assertThat(this.api.get("/api/members", this.team.supervisor().token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/members/" + this.team.admin().id(), this.team.agent().token())
			.data()
			.get("role")
			.stringValue()).isEqualTo("admin");

		Reply candidate = this.api.get("/api/members", this.team.candidate().token());
		assertThat(candidate.status()).isEqualTo(403);
		assertThat(candidate.error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(this.api.get("/api/members/" + this.team.agent().id(), this.team.candidate().token()).status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/members", null).status()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "00000000-0000-0000-0000-000000000000", "not-an-id", "me" })
	void anIdThatNamesNoMemberIsNotFound(String id) {
		Reply reply = this.api.get("/api/members/" + id, this.team.admin().token());

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.error()).isEqualTo("Member not found");
		assertThat(patch(id, this.team.admin().token(), Map.of("role", "agent")).error()).isEqualTo("Member not found");
		assertThat(post("/api/members/" + id + "/deactivate", this.team.admin().token()).error())
			.isEqualTo("Member not found");
		assertThat(delete("/api/members/" + id, this.team.admin().token()).error()).isEqualTo("Member not found");
	}

	@Test
	void anAdminMakesACandidateAnAgentOfASupervisorAndItAppliesToTheSameToken() {
		Reply reply = patch(this.team.candidate().id(), this.team.admin().token(),
				Map.of("role", "agent", "supervisorId", this.team.supervisor().id()));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("role").stringValue()).isEqualTo("agent");
		assertThat(reply.data().get("supervisorId").stringValue()).isEqualTo(this.team.supervisor().id());
		assertThat(member(this.team.candidate().id())).isEqualTo(reply.data());
		assertThat(this.api.get("/auth/me", this.team.candidate().token()).data().get("role").stringValue())
			.isEqualTo("agent");
		assertThat(this.api.get("/api/members", this.team.candidate().token()).status()).isEqualTo(200);
	}

	@Test
	void aPromotedAgentNoLongerWorksForTheirSupervisor() {
		Reply reply = patch(this.team.agent().id(), this.team.admin().token(), Map.of("role", "admin"));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("role").stringValue()).isEqualTo("admin");
		assertThat(reply.data().get("supervisorId").isNull()).isTrue();
	}

	@Test
	void nobodyGivesARoleWithPowersTheyDoNotHold() {
		String peopleManager = this.api
			.post("/api/roles", this.team.admin().token(), Map.of("name", "People " + UUID.randomUUID(), "permissions",
					List.of("members.manage", "workspace.view")))
			.data()
			.get("id")
			.stringValue();
		TestUser manager = this.api.signUp("supervisor");
		assertThat(patch(manager.id(), this.team.admin().token(), Map.of("customRoleId", peopleManager)).status())
			.isEqualTo(200);
		JsonNode before = member(this.team.agent().id());

		Reply reply = patch(this.team.agent().id(), manager.token(), Map.of("role", "admin"));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(member(this.team.agent().id())).isEqualTo(before);
		Reply routing = patch(this.team.agent().id(), manager.token(), Map.of("role", "supervisor"));
		assertThat(routing.status()).as("routing work is not an administrative power").isEqualTo(200);
		Reply byAdmin = patch(this.team.agent().id(), this.team.admin().token(),
				Map.of("role", "agent", "supervisorId", this.team.supervisor().id()));
		assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
	}

	@Test
	void aRoleOrSupervisorNeedsTheRightToManageMembers() {
		JsonNode before = member(this.team.agent().id());
		Reply bySupervisor = patch(this.team.agent().id(), this.team.supervisor().token(), Map.of("role", "admin"));
		Reply byThemselves = patch(this.team.agent().id(), this.team.agent().token(),
				Map.of("supervisorId", this.api.signUp("supervisor").id()));

		assertThat(bySupervisor.status()).isEqualTo(403);
		assertThat(bySupervisor.error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(byThemselves.status()).isEqualTo(403);
		assertThat(member(this.team.agent().id())).isEqualTo(before);
	}

	@Test
	void nobodyChangesTheirOwnMembership() {
		TestUser admin = this.team.admin();
		JsonNode before = member(admin.id());

		for (Reply reply : List.of(patch(admin.id(), admin.token(), Map.of("role", "candidate")),
				post("/api/members/" + admin.id() + "/deactivate", admin.token()),
				delete("/api/members/" + admin.id(), admin.token()))) {
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.error()).isEqualTo("You cannot change your own role or membership");
		}
		assertThat(member(admin.id())).isEqualTo(before);
	}

	@Test
	void theOwnersMembershipIsPermanent() {
		Tenant tenant = this.tenants.newWorkspace();
		TestUser owner = tenant.owner();
		TestUser admin = this.tenants.join(tenant, Role.ADMIN);
		JsonNode before = this.api.get("/api/members/" + owner.id(), owner.token()).data();

		for (Reply reply : List.of(patch(owner.id(), admin.token(), Map.of("role", "admin")),
				patch(owner.id(), admin.token(), Map.of("displayName", "Boss")),
				post("/api/members/" + owner.id() + "/deactivate", admin.token()),
				post("/api/members/" + owner.id() + "/activate", admin.token()),
				delete("/api/members/" + owner.id(), admin.token()),
				patch(owner.id(), owner.token(), Map.of("role", "admin")),
				post("/api/members/" + owner.id() + "/deactivate", owner.token()))) {
			assertThat(reply.status()).isEqualTo(403);
			assertThat(reply.error()).isEqualTo("The owner's membership cannot be changed");
		}
		assertThat(this.api.get("/api/members/" + owner.id(), owner.token()).data()).isEqualTo(before);

		Reply ownProfile = patch(owner.id(), owner.token(), Map.of("displayName", "The boss"));
		assertThat(ownProfile.status()).as(ownProfile.raw()).isEqualTo(200);
		assertThat(ownProfile.data().get("displayName").stringValue()).isEqualTo("The boss");
		assertThat(ownProfile.data().get("role").stringValue()).isEqualTo("owner");
	}

	@Test
	void anAgentKeepsTheirOwnProfile() {
		TestUser agent = this.team.agent();
		Reply reply = patch(agent.id(), agent.token(), Map.of("displayName", "  Rahul from support ", "avatarUrl",
				"https://cdn.example.com/rahul.png", "maxConcurrent", 12));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("displayName").stringValue()).isEqualTo("Rahul from support");
		assertThat(reply.data().get("avatarUrl").stringValue()).isEqualTo("https://cdn.example.com/rahul.png");
		assertThat(reply.data().get("maxConcurrent").intValue()).isEqualTo(12);
		assertThat(reply.data().get("role").stringValue()).isEqualTo("agent");
		assertThat(member(agent.id())).isEqualTo(reply.data());

		Reply cleared = patch(agent.id(), agent.token(), Map.of("displayName", "", "avatarUrl", ""));
		assertThat(cleared.data().get("displayName").isNull()).isTrue();
		assertThat(cleared.data().get("avatarUrl").isNull()).isTrue();
		assertThat(cleared.data().get("maxConcurrent").intValue()).isEqualTo(12);
	}

	@Test
	void anAdminEditsAnyProfileButOthersOnlyTheirOwn() {
		Reply byAdmin = patch(this.team.agent().id(), this.team.admin().token(), Map.of("maxConcurrent", 3));
		assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
		assertThat(byAdmin.data().get("maxConcurrent").intValue()).isEqualTo(3);

		JsonNode before = member(this.team.agent().id());
		Reply bySupervisor = patch(this.team.agent().id(), this.team.supervisor().token(), Map.of("displayName", "X"));
		Reply byCandidate = patch(this.team.candidate().id(), this.team.candidate().token(),
				Map.of("displayName", "X"));
		assertThat(bySupervisor.status()).isEqualTo(403);
		assertThat(byCandidate.status()).isEqualTo(403);
		assertThat(byCandidate.error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(member(this.team.agent().id())).isEqualTo(before);
		assertThat(member(this.team.candidate().id()).get("displayName").isNull()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"role\":\"owner\"}", "{\"role\":\"king\"}", "{\"role\":\"Admin\"}",
			"{\"role\":5}", "{\"role\":\"admin\",\"customRoleId\":\"00000000-0000-0000-0000-000000000000\"}",
			"{\"maxConcurrent\":0}", "{\"maxConcurrent\":101}", "{\"maxConcurrent\":\"many\"}",
			"{\"avatarUrl\":\"javascript:alert(1)\"}", "{\"avatarUrl\":\"ftp://example.com/a.png\"}",
			"{\"avatarUrl\":\"not a url\"}", "{\"avatarUrl\":\"https://\"}", "{\"displayName\":[\"A\"]}",
			"{\"nickname\":\"A\"}", "{\"supervisorId\":\"\"}", "[]", "null", "{\"role\":" })
	void aMalformedEditIsRefusedAndChangesNothing(String body) {
		JsonNode before = member(this.team.agent().id());
		Reply reply = this.api.send("PATCH", "/api/members/" + this.team.agent().id(), this.team.admin().token(),
				"application/json", body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.error()).isEqualTo("Invalid request schema");
		assertThat(member(this.team.agent().id())).isEqualTo(before);
	}

	@Test
	void overlongProfileFieldsAreRefused() {
		JsonNode before = member(this.team.agent().id());
		Reply name = patch(this.team.agent().id(), this.team.agent().token(), Map.of("displayName", "n".repeat(201)));
		Reply avatar = patch(this.team.agent().id(), this.team.agent().token(),
				Map.of("avatarUrl", "https://example.com/" + "a".repeat(1981)));

		assertThat(name.status()).isEqualTo(400);
		assertThat(avatar.status()).isEqualTo(400);
		assertThat(member(this.team.agent().id())).isEqualTo(before);
		Reply longest = patch(this.team.agent().id(), this.team.agent().token(),
				Map.of("displayName", "n".repeat(200), "avatarUrl", "https://example.com/" + "a".repeat(1980)));
		assertThat(longest.status()).as(longest.raw()).isEqualTo(200);
	}

	@Test
	void anAgentMovesToAnotherSupervisor() {
		TestUser other = this.api.signUp("supervisor");
		Reply reply = patch(this.team.agent().id(), this.team.admin().token(), Map.of("supervisorId", other.id()));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("supervisorId").stringValue()).isEqualTo(other.id());
		assertThat(member(this.team.agent().id()).get("supervisorId").stringValue()).isEqualTo(other.id());
	}

	@Test
	void aSupervisorMustBeAnActiveMemberWhoAssignsConversations() {
		TestUser agent = this.team.agent();
		TestUser inactive = this.api.signUp("supervisor");
		assertThat(post("/api/members/" + inactive.id() + "/deactivate", this.team.admin().token()).status())
			.isEqualTo(200);
		Tenant tenant = this.tenants.newWorkspace();
		JsonNode before = member(agent.id());

		assertRefused(patch(agent.id(), this.team.admin().token(), Map.of("supervisorId", this.team.admin().id())), 400,
				"Invalid supervisor role");
		assertRefused(patch(agent.id(), this.team.admin().token(), Map.of("supervisorId", inactive.id())), 400,
				"Invalid supervisor role");
		assertRefused(
				patch(agent.id(), this.team.admin().token(), Map.of("supervisorId", UUID.randomUUID().toString())), 404,
				"Supervisor not found");
		assertRefused(patch(agent.id(), this.team.admin().token(), Map.of("supervisorId", tenant.owner().id())), 404,
				"Supervisor not found");
		assertRefused(
				patch(this.team.candidate().id(), this.team.admin().token(),
						Map.of("supervisorId", this.team.supervisor().id())),
				400, "Only members who handle conversations work for a supervisor");
		assertThat(member(agent.id())).isEqualTo(before);
		assertThat(member(this.team.candidate().id()).get("supervisorId").isNull()).isTrue();
	}

	@Test
	void aDeactivatedMembersTokenStopsWorkingAtOnceAndWorksAgainWhenReactivated() {
		TestUser agent = this.team.agent();
		assertThat(this.api.get("/api/members", agent.token()).status()).isEqualTo(200);

		Reply deactivated = post("/api/members/" + agent.id() + "/deactivate", this.team.admin().token());
		assertThat(deactivated.status()).as(deactivated.raw()).isEqualTo(200);
		assertThat(deactivated.data().get("active").booleanValue()).isFalse();
		Reply refused = this.api.get("/api/members", agent.token());
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.error()).isEqualTo("Unauthorized, token missing or invalid");
		assertThat(this.api.get("/auth/me", agent.token()).status()).isEqualTo(401);
		assertThat(member(agent.id()).get("active").booleanValue()).isFalse();
		assertThat(this.api.post("/auth/login", null, Map.of("email", agent.email(), "password", "secret123")).error())
			.isEqualTo("No active membership in a workspace");

		Reply activated = post("/api/members/" + agent.id() + "/activate", this.team.admin().token());
		assertThat(activated.status()).isEqualTo(200);
		assertThat(activated.data().get("active").booleanValue()).isTrue();
		assertThat(this.api.get("/api/members", agent.token()).status()).isEqualTo(200);
	}

	@Test
	void deactivatingTwiceOrActivatingAnActiveMemberChangesNothing() {
		String path = "/api/members/" + this.team.agent().id();
		assertThat(post(path + "/activate", this.team.admin().token()).data().get("active").booleanValue()).isTrue();
		post(path + "/deactivate", this.team.admin().token());

		Reply again = post(path + "/deactivate", this.team.admin().token());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.data().get("active").booleanValue()).isFalse();
	}

	@Test
	void aMemberSwitchedToACustomRoleWithoutWorkspaceViewIsRefusedWithTheSameToken() {
		String notes = createRole(this.team.admin().token(), List.of("conversations.notes"));
		Reply reply = patch(this.team.agent().id(), this.team.admin().token(), Map.of("customRoleId", notes));

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("customRoleId").stringValue()).isEqualTo(notes);
		assertThat(reply.data().get("role").stringValue()).startsWith("Role ");
		assertThat(reply.data().get("supervisorId").isNull()).isTrue();
		Reply refused = this.api.get("/api/members", this.team.agent().token());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.error()).isEqualTo("Forbidden, insufficient permissions");
		assertThat(this.api.get("/auth/me", this.team.agent().token()).data().get("role").stringValue())
			.isEqualTo(reply.data().get("role").stringValue());
	}

	@Test
	void aCustomRoleGrantsItsPermissionsOnRealRoutes() {
		String viewer = createRole(this.team.admin().token(), List.of("workspace.view"));
		assertThat(this.api.get("/api/members", this.team.candidate().token()).status()).isEqualTo(403);

		assertThat(
				patch(this.team.candidate().id(), this.team.admin().token(), Map.of("customRoleId", viewer)).status())
			.isEqualTo(200);

		assertThat(this.api.get("/api/members", this.team.candidate().token()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/roles", this.team.candidate().token()).status()).isEqualTo(200);
		assertThat(
				post("/api/members/" + this.team.agent().id() + "/deactivate", this.team.candidate().token()).status())
			.isEqualTo(403);
		Reply back = patch(this.team.candidate().id(), this.team.admin().token(), Map.of("role", "candidate"));
		assertThat(back.data().get("customRoleId").isNull()).isTrue();
		assertThat(this.api.get("/api/members", this.team.candidate().token()).status()).isEqualTo(403);
	}

	@Test
	void aCustomRoleMustBeOneOfTheWorkspace() {
		Tenant tenant = this.tenants.newWorkspace();
		String foreign = createRole(tenant.owner().token(), List.of("workspace.view"));
		JsonNode before = member(this.team.agent().id());

		for (String id : List.of(foreign, UUID.randomUUID().toString(), "nope")) {
			assertRefused(patch(this.team.agent().id(), this.team.admin().token(), Map.of("customRoleId", id)), 404,
					"Role not found");
		}
		assertThat(member(this.team.agent().id())).isEqualTo(before);
	}

	@Test
	void aRemovedMemberIsGoneAndTheirTokenRefused() {
		TestUser supervisor = this.team.supervisor();
		Reply reply = delete("/api/members/" + supervisor.id(), this.team.admin().token());

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		assertThat(reply.data().get("userId").stringValue()).isEqualTo(supervisor.id());
		assertThat(this.api.get("/api/members/" + supervisor.id(), this.team.admin().token()).status()).isEqualTo(404);
		assertThat(listed(this.team.admin().token(), supervisor.id())).isNull();
		assertThat(this.api.get("/auth/me", supervisor.token()).status()).isEqualTo(401);
		assertThat(member(this.team.agent().id()).get("supervisorId").isNull()).isTrue();
		assertThat(delete("/api/members/" + supervisor.id(), this.team.admin().token()).status()).isEqualTo(404);
	}

	@Test
	void deactivatingAndRemovingNeedTheRightToManageMembers() {
		JsonNode before = member(this.team.agent().id());
		for (TestUser caller : List.of(this.team.supervisor(), this.team.candidate())) {
			for (Reply reply : List.of(post("/api/members/" + this.team.agent().id() + "/deactivate", caller.token()),
					post("/api/members/" + this.team.agent().id() + "/activate", caller.token()),
					delete("/api/members/" + this.team.agent().id(), caller.token()))) {
				assertRefused(reply, 403, "Forbidden, insufficient permissions");
			}
		}
		assertThat(member(this.team.agent().id())).isEqualTo(before);
	}

	@Test
	void staffSetTheirOwnAvailability() {
		Reply online = put("/api/members/me/availability", this.team.agent().token(), Map.of("availability", "online"));
		assertThat(online.status()).as(online.raw()).isEqualTo(200);
		assertThat(online.data().get("availability").stringValue()).isEqualTo("online");
		assertThat(online.data().get("userId").stringValue()).isEqualTo(this.team.agent().id());
		assertThat(member(this.team.agent().id()).get("availability").stringValue()).isEqualTo("online");

		Reply away = put("/api/members/me/availability", this.team.supervisor().token(),
				Map.of("availability", "away"));
		assertThat(away.data().get("availability").stringValue()).isEqualTo("away");

		Reply candidate = put("/api/members/me/availability", this.team.candidate().token(),
				Map.of("availability", "online"));
		assertRefused(candidate, 403, "Forbidden, insufficient permissions");
		assertThat(member(this.team.candidate().id()).get("availability").stringValue()).isEqualTo("offline");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"availability\":\"busy\"}", "{\"availability\":\"ONLINE\"}",
			"{\"availability\":1}", "{\"availability\":null}", "" })
	void aMalformedAvailabilityIsRefusedAndChangesNothing(String body) {
		JsonNode before = member(this.team.agent().id());
		Reply reply = this.api.send("PUT", "/api/members/me/availability", this.team.agent().token(),
				"application/json", body);

		assertRefused(reply, 400, "Invalid request schema");
		assertThat(member(this.team.agent().id())).isEqualTo(before);
	}

	@Test
	void theLastSocketClosingSetsTheMemberOffline() {
		put("/api/members/me/availability", this.team.agent().token(), Map.of("availability", "online"));

		this.presence.lastSocketClosed(WorkspaceId.DEFAULT, UserId.parse(this.team.agent().id()).orElseThrow());

		assertThat(member(this.team.agent().id()).get("availability").stringValue()).isEqualTo("offline");
	}

	@Test
	void changesOfRoleOrActivationAreAnnouncedButProfileAndSupervisorEditsAreNot() {
		Caller admin = this.tokens.verify(this.team.admin().token()).orElseThrow();
		String agent = this.team.agent().id();
		MembershipChanged changed = new MembershipChanged(WorkspaceId.DEFAULT, UserId.parse(agent).orElseThrow(),
				admin.userId());

		this.administration.change(admin, agent, new MemberChange(null, null, null, "Rahul", null, 7));
		this.administration.change(admin, agent,
				new MemberChange(null, null, this.api.signUp("supervisor").id(), null, null, null));
		this.administration.change(admin, agent, new MemberChange("agent", null, null, null, null, null));
		assertThat(this.events.stream(MembershipChanged.class)).isEmpty();

		this.administration.change(admin, agent, new MemberChange("admin", null, null, null, null, null));
		assertThat(this.events.stream(MembershipChanged.class)).containsExactly(changed);
		this.administration.deactivate(admin, agent);
		this.administration.deactivate(admin, agent);
		this.administration.activate(admin, agent);
		this.administration.remove(admin, agent);
		assertThat(this.events.stream(MembershipChanged.class)).containsExactly(changed, changed, changed, changed);
	}

	@Test
	void anotherWorkspacesOwnerNeitherReadsNorChangesTheseMembers() {
		Tenant tenant = this.tenants.newWorkspace();
		TestUser owner = tenant.owner();
		JsonNode before = member(this.team.agent().id());
		String agent = "/api/members/" + this.team.agent().id();

		for (Reply reply : List.of(this.api.get(agent, owner.token()),
				patch(this.team.agent().id(), owner.token(), Map.of("role", "admin")),
				patch(this.team.agent().id(), owner.token(), Map.of("displayName", "Mine")),
				post(agent + "/deactivate", owner.token()), post(agent + "/activate", owner.token()),
				delete(agent, owner.token()))) {
			assertRefused(reply, 404, "Member not found");
		}
		assertThat(member(this.team.agent().id())).isEqualTo(before);
		JsonNode theirs = this.api.get("/api/members", owner.token()).data().get("items");
		assertThat(theirs.size()).isEqualTo(1);
		assertThat(theirs.get(0).get("userId").stringValue()).isEqualTo(owner.id());
		assertThat(theirs.get(0).get("role").stringValue()).isEqualTo("owner");
	}

	@Test
	void thisWorkspacesAdminNeitherReadsNorChangesAnotherWorkspacesMembers() {
		Tenant tenant = this.tenants.newWorkspace();
		TestUser agent = this.tenants.join(tenant, Role.AGENT);
		JsonNode before = this.api.get("/api/members/" + agent.id(), tenant.owner().token()).data();
		String path = "/api/members/" + agent.id();
		String admin = this.team.admin().token();

		for (Reply reply : List.of(this.api.get(path, admin), patch(agent.id(), admin, Map.of("role", "candidate")),
				post(path + "/deactivate", admin), delete(path, admin),
				this.api.get("/api/members/" + tenant.owner().id(), admin))) {
			assertRefused(reply, 404, "Member not found");
		}
		assertThat(this.api.get(path, tenant.owner().token()).data()).isEqualTo(before);
		assertThat(listed(admin, agent.id())).isNull();
	}

	private static List<String> ids(JsonNode members) {
		List<String> ids = new ArrayList<>();
		members.forEach((member) -> ids.add(member.get("userId").stringValue()));
		return ids;
	}

	private JsonNode member(String id) {
		Reply reply = this.api.get("/api/members/" + id, this.team.admin().token());
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.data();
	}

	private String createRole(String token, List<String> permissions) {
		Reply reply = this.api.post("/api/roles", token,
				Map.of("name", "Role " + UUID.randomUUID().toString().substring(0, 8), "permissions", permissions));
		assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
		return reply.data().get("id").stringValue();
	}

	private Reply patch(String userId, String token, Object body) {
		return this.api.send("PATCH", "/api/members/" + userId, token, "application/json",
				Api.JSON.writeValueAsString(body));
	}

	private Reply put(String path, String token, Object body) {
		return this.api.send("PUT", path, token, "application/json", Api.JSON.writeValueAsString(body));
	}

	private Reply post(String path, String token) {
		return this.api.send("POST", path, token, null, null);
	}

	private Reply delete(String path, String token) {
		return this.api.send("DELETE", path, token, null, null);
	}

	private static void assertRefused(Reply reply, int status, String error) {
		assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
		assertThat(reply.error()).isEqualTo(error);
	}

	/**
	 * The member as the list shows them, looked for on every page; null when not listed.
	 */
	private JsonNode listed(String token, String userId) {
		for (JsonNode member : everyMember(token, 100)) {
			if (member.get("userId").stringValue().equals(userId)) {
				return member;
			}
		}
		return null;
	}

	/**
	 * Every page of the list, {@code limit} members a page, followed by their cursors.
	 */
	private List<JsonNode> everyMember(String token, int limit) {
		List<JsonNode> members = new ArrayList<>();
		String cursor = "";
		do {
			Reply page = this.api.get("/api/members?limit=" + limit + "&cursor=" + cursor, token);
			assertThat(page.status()).as(page.raw()).isEqualTo(200);
			assertThat(page.data().get("items").size()).isLessThanOrEqualTo(limit);
			page.data().get("items").forEach(members::add);
			cursor = page.data().get("nextCursor").isNull() ? null : page.data().get("nextCursor").stringValue();
		}
		while (cursor != null);
		return members;
	}

}
