package io.parley.workspace;

import java.util.Map;
import java.util.UUID;

import io.parley.identity.User;
import io.parley.identity.UserId;
import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspaces other than the default one, and their members. Staff join a workspace by
 * invitation, which is not what these tests are about: members are added straight to the
 * store, then log in to the workspace over HTTP like anyone else.
 */
final class TenantMother {

	private final Api api;

	private final SignUp signUp;

	private final Memberships memberships;

	TenantMother(Api api, SignUp signUp, Memberships memberships) {
		this.api = api;
		this.signUp = signUp;
		this.memberships = memberships;
	}

	/** A new workspace whose owner has a new account, a member of no other workspace. */
	Tenant newWorkspace() {
		String email = "owner-" + UUID.randomUUID() + "@example.com";
		Reply created = this.api.post("/api/workspaces", null,
				Map.of("name", "Acme", "owner", Map.of("name", "Test owner", "email", email, "password", "secret123")));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String token = created.data().get("token").stringValue();
		String ownerId = this.api.get("/auth/me", token).data().get("_id").stringValue();
		return new Tenant(created.data().get("id").stringValue(), new TestUser(ownerId, email, "owner", token));
	}

	/** A new account holding {@code role} in the workspace only, logged in there. */
	TestUser join(Tenant tenant, Role role, TestUser supervisor) {
		String email = role.value() + "-" + UUID.randomUUID() + "@example.com";
		User user = this.signUp.create("Test " + role.value(), email, "secret123");
		WorkspaceId workspace = WorkspaceId.parse(tenant.id()).orElseThrow();
		UserId supervisorId = (supervisor != null) ? UserId.parse(supervisor.id()).orElseThrow() : null;
		this.memberships
			.add(SignUp.newMember(workspace, user.account(), MemberRole.of(role), supervisorId, user.createdAt()));
		Reply login = this.api.post("/auth/login", null,
				Map.of("email", email, "password", "secret123", "workspaceId", tenant.id()));
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		return new TestUser(user.id().toString(), email, role.value(), login.data().get("token").stringValue());
	}

	TestUser join(Tenant tenant, Role role) {
		return join(tenant, role, null);
	}

	record Tenant(String id, TestUser owner) {
	}

}
