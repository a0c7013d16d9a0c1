package io.parley.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh workspace and its owner, created through {@code POST /api/workspaces}.
 */
public record TestWorkspace(String id, String name, TestUser owner) {

	public static final String PASSWORD = "secret123";

	public static TestWorkspace create(Api api) {
		return create(api, "Acme " + UUID.randomUUID().toString().substring(0, 8));
	}

	/** A fresh workspace named {@code name}. */
	public static TestWorkspace create(Api api, String name) {
		String email = "owner-" + UUID.randomUUID() + "@example.com";
		Map<String, Object> owner = Map.of("name", "Olivia Owner", "email", email, "password", PASSWORD);
		Reply created = api.post("/api/workspaces", null, Map.of("name", name, "owner", owner));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String token = created.data().get("token").stringValue();
		String ownerId = api.get("/auth/me", token).data().get("_id").stringValue();
		return new TestWorkspace(created.data().get("id").stringValue(), created.data().get("name").stringValue(),
				new TestUser(ownerId, email, "owner", token));
	}

	/**
	 * A new member who accepted an invitation of the owner's: {@code invitation} is the
	 * body of {@code POST /api/invitations} without the email. Needs an application
	 * without a mail server, which hands out the link instead.
	 */
	public TestUser join(Api api, Map<String, ?> invitation) {
		String email = "member-" + UUID.randomUUID() + "@example.com";
		String secret = invite(api, email, invitation);
		Reply accepted = accept(api, secret, Map.of("name", "Member", "password", PASSWORD));
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		String token = accepted.data().get("token").stringValue();
		String id = api.get("/auth/me", token).data().get("_id").stringValue();
		return new TestUser(id, email, accepted.data().get("role").stringValue(), token);
	}

	/**
	 * Someone with an account elsewhere accepts an invitation of the owner's with their
	 * password; returns their token acting in this workspace. Needs an application
	 * without a mail server.
	 */
	public String admit(Api api, TestUser user, Map<String, ?> invitation) {
		String secret = invite(api, user.email(), invitation);
		Reply accepted = accept(api, secret, Map.of("password", PASSWORD));
		assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
		return accepted.data().get("token").stringValue();
	}

	/**
	 * The owner invites {@code email}; {@code invitation} is the rest of the body of
	 * {@code POST /api/invitations}. Returns the secret of the link, the fragment of
	 * {@code /invitation.html#<secret>}. Needs an application without a mail server.
	 */
	public String invite(Api api, String email, Map<String, ?> invitation) {
		Map<String, Object> body = new HashMap<>(invitation);
		body.put("email", email);
		Reply invited = api.post("/api/invitations", this.owner.token(), body);
		assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
		String link = invited.data().get("link").stringValue();
		return link.substring(link.indexOf('#') + 1);
	}

	/**
	 * What the link with this secret offers: {@code POST /api/invitation-links/lookup}.
	 */
	public static Reply lookUp(Api api, String secret) {
		return api.post("/api/invitation-links/lookup", null, Map.of("secret", secret));
	}

	/**
	 * Accepts the link with this secret: {@code POST /api/invitation-links/accept} with
	 * the secret and {@code fields} ({@code name}, {@code password}).
	 */
	public static Reply accept(Api api, String secret, Map<String, ?> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("secret", secret);
		return api.post("/api/invitation-links/accept", null, body);
	}

}
