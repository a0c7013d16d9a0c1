package io.parley.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares rooms through Parley's REST API: a supervisor, some agents, and one candidate with an assigned
 * conversation per room.
 */
final class ParleyApi {

	private static final Pattern ID = Pattern.compile("\"_id\":\"([^\"]+)\"");

	private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");

	private final HttpClient http;

	private final URI base;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	ParleyApi(HttpClient http, URI base) {
		this.http = http;
		this.base = base;
	}

	/** Creates {@code count} rooms, {@code parallelism} sign-ups at a time (BCrypt makes them slow). */
	List<Room> rooms(int count, int agents, int parallelism) {
		User supervisor = user("supervisor", null);
		List<User> team = new ArrayList<>();
		for (int i = 0; i < agents; i++) {
			team.add(user("agent", supervisor.id()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(parallelism);
		try {
			List<CompletableFuture<Room>> rooms = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				User agent = team.get(i % agents);
				rooms.add(CompletableFuture.supplyAsync(() -> room(supervisor, agent), pool));
			}
			return rooms.stream().map(CompletableFuture::join).toList();
		}
		finally {
			pool.shutdown();
		}
	}

	String token(String role) {
		return user(role, null).token();
	}

	private Room room(User supervisor, User agent) {
		User candidate = user("candidate", null);
		String conversation = field(ID,
				post("/conversations", candidate.token(), "{\"supervisorId\":\"" + supervisor.id() + "\"}"));
		post("/conversations/" + conversation + "/assign", supervisor.token(), "{\"agentId\":\"" + agent.id() + "\"}");
		return new Room(conversation, candidate.token(), agent.token());
	}

	private User user(String role, String supervisorId) {
		String email = "bench-" + this.run + "-" + UUID.randomUUID() + "@example.com";
		String body = "{\"name\":\"Bench " + role + "\",\"email\":\"" + email
				+ "\",\"password\":\"bench-password\",\"role\":\"" + role + "\""
				+ ((supervisorId != null) ? ",\"supervisorId\":\"" + supervisorId + "\"" : "") + "}";
		String id = field(ID, post("/auth/signup", null, body));
		String token = field(TOKEN,
				post("/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"bench-password\"}"));
		return new User(id, token);
	}

	String get(String path, String token) {
		return send(HttpRequest.newBuilder(this.base.resolve(path)).header("Authorization", "Bearer " + token).GET());
	}

	private String post(String path, String token, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return send(request);
	}

	private String send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String field(Pattern pattern, String json) {
		Matcher matcher = pattern.matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("Unexpected answer: " + json);
		}
		return matcher.group(1);
	}

	record User(String id, String token) {
	}

}
