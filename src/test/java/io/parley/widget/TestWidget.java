package io.parley.widget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.Api.TestUser;
import io.parley.support.TestWorkspace;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workspace's widget for a browser test: its settings set through the staff's API, its
 * public key, and an agent of the team who answers through the API.
 */
record TestWidget(Api api, TestWorkspace workspace, String key) {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/**
	 * The workspace's widget with {@code settings} over the defaults (the fields of
	 * {@code PUT /api/chat/settings}).
	 */
	static TestWidget of(Api api, TestWorkspace workspace, Map<String, ?> settings) {
		String token = workspace.owner().token();
		Map<String, Object> body = new HashMap<>();
		api.get("/api/chat/settings", token).data().properties().forEach((field) -> {
			body.put(field.getKey(), field.getValue());
		});
		body.remove("domain");
		body.remove("widgetKey");
		body.remove("warnings");
		body.putAll(settings);
		Reply replaced = api.send("PUT", "/api/chat/settings", token, "application/json",
				Api.JSON.writeValueAsString(body));
		assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
		return new TestWidget(api, workspace, replaced.data().get("widgetKey").stringValue());
	}

	/** The secret of the workspace's identity hashes. */
	String identitySecret() {
		return this.api.get("/api/chat/settings/identity-secret", this.workspace.owner().token())
			.data()
			.get("identitySecret")
			.stringValue();
	}

	/**
	 * Nobody of the team online: its owner goes offline (who is online when it starts).
	 */
	void nobodyOnline() {
		Reply offline = this.api.send("PUT", "/api/members/me/availability", this.workspace.owner().token(),
				"application/json", "{\"availability\":\"offline\"}");
		assertThat(offline.status()).as(offline.raw()).isEqualTo(200);
	}

	/** An agent of the workspace, online. */
	TestUser agent() {
		TestUser agent = this.workspace.join(this.api, Map.of("role", "agent"));
		Reply online = this.api.send("PUT", "/api/members/me/availability", agent.token(), "application/json",
				"{\"availability\":\"online\"}");
		assertThat(online.status()).as(online.raw()).isEqualTo(200);
		return agent;
	}

	/** The workspace's conversations as its owner's inbox lists them, newest first. */
	JsonNode inbox() {
		return this.api.get("/api/conversations?assignee=anyone", this.workspace.owner().token()).data().get("items");
	}

	/** Gives the conversation to {@code agent}. */
	void assign(String conversationId, TestUser agent) {
		Reply assigned = this.api.post("/api/conversations/" + conversationId + "/assign",
				this.workspace.owner().token(), Map.of("agentId", agent.id()));
		assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
	}

	/** {@code agent} answers in the conversation through the REST API. */
	void reply(String conversationId, TestUser agent, String content) {
		Reply sent = this.api.post("/api/conversations/" + conversationId + "/messages", agent.token(),
				Map.of("content", content));
		assertThat(sent.status()).as(sent.raw()).isEqualTo(201);
	}

	/** The staff's transcript's texts, oldest first (notes and system lines left out). */
	java.util.List<String> transcript(String conversationId) {
		java.util.List<String> texts = new java.util.ArrayList<>();
		this.api.get("/api/conversations/" + conversationId + "/messages?limit=100", this.workspace.owner().token())
			.data()
			.get("items")
			.forEach((message) -> {
				if ("text".equals(message.get("type").stringValue())) {
					texts.add(message.get("content").stringValue());
				}
			});
		return texts;
	}

	/** {@code GET /api/widget/config} as a page at {@code origin} asks for it. */
	Reply config(String origin) {
		try {
			HttpResponse<String> response = HTTP.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.api.port() + "/api/widget/config?key=" + this.key))
				.header("Origin", origin)
				.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), Api.JSON.readTree(response.body()), response.body());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
