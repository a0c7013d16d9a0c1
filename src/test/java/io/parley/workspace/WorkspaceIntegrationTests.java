package io.parley.workspace;

import java.util.Map;
import java.util.UUID;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.TestWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ParleyIntegrationTest
class WorkspaceIntegrationTests {

	static final String DEFAULT = WorkspaceId.DEFAULT.toString();

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void aSignedInUserCreatesAWorkspaceAndOwnsIt() {
		TestUser agent = this.api.signUp("agent", this.api.signUp("supervisor"));

		Reply created = this.api.post("/api/workspaces", agent.token(), Map.of("name", "  Acme Support "));

		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		JsonNode workspace = created.data();
		assertThat(workspace.get("name").stringValue()).isEqualTo("Acme Support");
		assertThat(workspace.get("role").stringValue()).isEqualTo("owner");
		assertThat(workspace.get("staffSignupOpen").asBoolean()).isFalse();
		String token = workspace.get("token").stringValue();
		assertThat(this.api.get("/api/workspace", token).data().get("id").stringValue())
			.isEqualTo(workspace.get("id").stringValue());
		assertThat(this.api.get("/auth/me", token).data().get("role").stringValue()).isEqualTo("owner");
		assertThat(this.api.get("/auth/me", agent.token()).data().get("role").stringValue())
			.as("the old token still acts in the default workspace")
			.isEqualTo("agent");
		JsonNode mine = this.api.everyItem("/api/workspaces", agent.token());
		assertThat(mine.size()).isEqualTo(2);
		assertThat(mine.get(0).get("id").stringValue()).isEqualTo(DEFAULT);
		assertThat(mine.get(0).get("role").stringValue()).isEqualTo("agent");
		assertThat(mine.get(0).has("token")).isFalse();
	}

	@Test
	void someoneWithoutAnAccountCreatesOneWithTheWorkspace() {
		String email = "founder-" + UUID.randomUUID() + "@example.com";
		Reply created = this.api.post("/api/workspaces", null,
				Map.of("name", "Startup", "owner", Map.of("name", "Fay", "email", email, "password", "secret123")));

		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		Reply login = this.api.post("/auth/login", null, Map.of("email", email, "password", "secret123"));
		assertThat(this.api.get("/api/workspace", login.data().get("token").stringValue())
			.data()
			.get("name")
			.stringValue()).isEqualTo("Startup");
		assertThat(this.api.post("/api/workspaces", null, Map.of("name", "Anonymous")).status()).isEqualTo(401);
		assertThat(this.api
			.post("/api/workspaces", null,
					Map.of("name", "Again", "owner", Map.of("name", "Fay", "email", email, "password", "secret123")))
			.error()).isEqualTo("Email already exists");
		assertThat(this.api.post("/api/workspaces", null, Map.of("name", " ")).error())
			.isEqualTo("Invalid request schema");
	}

	@Test
	void membersSwitchWorkspacesAndLogInToTheOneTheyChoose() {
		TestUser admin = this.api.signUp("admin");
		String other = this.api.post("/api/workspaces", admin.token(), Map.of("name", "Second"))
			.data()
			.get("id")
			.stringValue();

		Reply switched = this.api.post("/api/workspaces/" + other + "/switch", admin.token(), Map.of());
		assertThat(switched.status()).as(switched.raw()).isEqualTo(200);
		assertThat(this.api.get("/api/workspace", switched.data().get("token").stringValue())
			.data()
			.get("id")
			.stringValue()).isEqualTo(other);
		Reply chosen = this.api.post("/auth/login", null,
				Map.of("email", admin.email(), "password", "secret123", "workspaceId", other));
		assertThat(
				this.api.get("/api/workspace", chosen.data().get("token").stringValue()).data().get("id").stringValue())
			.isEqualTo(other);
		Reply oldest = this.api.post("/auth/login", null, Map.of("email", admin.email(), "password", "secret123"));
		assertThat(
				this.api.get("/api/workspace", oldest.data().get("token").stringValue()).data().get("id").stringValue())
			.isEqualTo(DEFAULT);

		TestUser stranger = this.api.signUp("admin");
		assertThat(this.api.post("/api/workspaces/" + other + "/switch", stranger.token(), Map.of()).error())
			.isEqualTo("Workspace not found");
		assertThat(this.api.post("/api/workspaces/not-an-id/switch", stranger.token(), Map.of()).status())
			.isEqualTo(404);
		assertThat(this.api
			.post("/auth/login", null, Map.of("email", stranger.email(), "password", "secret123", "workspaceId", other))
			.error()).isEqualTo("No active membership in a workspace");
	}

	@Test
	void anAdminClosesStaffSignUpAndCandidatesMayStillSignUp() {
		TestUser admin = this.api.signUp("admin");
		TestUser supervisor = this.api.signUp("supervisor");
		assertThat(patch(supervisor.token(), "{\"staffSignupOpen\":false}").status()).isEqualTo(403);
		try {
			Reply closed = patch(admin.token(), "{\"staffSignupOpen\":false}");
			assertThat(closed.data().get("staffSignupOpen").asBoolean()).isFalse();

			Reply refused = this.api.post("/auth/signup", null, Map.of("name", "Late", "email",
					"supervisor-" + UUID.randomUUID() + "@example.com", "password", "secret123", "role", "supervisor"));
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.error()).isEqualTo("Sign-up is closed, ask for an invitation");
			// an admin may still make members, as they may invite them (decision 47)
			assertThat(this.api.post("/auth/signup", admin.token(), Map.of("name", "Made", "email",
					"supervisor-" + UUID.randomUUID() + "@example.com", "password", "secret123", "role", "supervisor"))
				.status()).isEqualTo(201);
			assertThat(this.api.signUp("candidate").token()).isNotBlank();
		}
		finally {
			assertThat(patch(admin.token(), "{\"staffSignupOpen\":true}").status()).isEqualTo(200);
		}
		assertThat(this.api.signUp("supervisor").token()).isNotBlank();
		assertThat(patch(admin.token(), "{\"name\":\"\"}").error()).isEqualTo("Invalid request schema");
		assertThat(this.api
			.post("/auth/signup", null, Map.of("name", "Sneaky", "email", "owner-" + UUID.randomUUID() + "@example.com",
					"password", "secret123", "role", "owner"))
			.error()).isEqualTo("Invalid request schema");
	}

	@Test
	void aRenameKeepsTheOtherSettingsAndABlankNameChangesNothing() {
		TestWorkspace workspace = TestWorkspace.create(this.api);
		String owner = workspace.owner().token();
		boolean signupOpen = this.api.get("/api/workspace", owner).data().get("staffSignupOpen").asBoolean();

		Reply renamed = patch(owner, "{\"name\": \"  Acme Care  \"}");

		assertThat(renamed.data().get("name").stringValue()).isEqualTo("Acme Care");
		assertThat(renamed.data().get("staffSignupOpen").asBoolean()).isEqualTo(signupOpen);
		assertThat(patch(owner, "{\"name\": \"   \"}").error()).isEqualTo("Invalid request schema");
		assertThat(this.api.get("/api/workspace", owner).data().get("name").stringValue()).isEqualTo("Acme Care");
	}

	private Reply patch(String token, String body) {
		return this.api.send("PATCH", "/api/workspace", token, "application/json", body);
	}

}
