package io.parley.support;

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
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String email = "owner-" + UUID.randomUUID() + "@example.com";
		Map<String, Object> owner = Map.of("name", "Olivia Owner", "email", email, "password", PASSWORD);
		Reply created = api.post("/api/workspaces", null, Map.of("name", "Acme " + suffix, "owner", owner));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String token = created.data().get("token").stringValue();
		String ownerId = api.get("/auth/me", token).data().get("_id").stringValue();
		return new TestWorkspace(created.data().get("id").stringValue(), created.data().get("name").stringValue(),
				new TestUser(ownerId, email, "owner", token));
	}

}
