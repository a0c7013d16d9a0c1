package io.parley.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.parley.support.SecretsStayOutOfTheLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Google, as far as Parley talks to it, in the test: the OAuth consent and token
 * endpoints, the Gmail API's JSON (profile, watch, history with paging and an expired
 * history id, messages.list, messages.get raw, messages.send) for any number of
 * mailboxes, and the keys Pub/Sub's push tokens are signed with. Google's own client
 * libraries in Parley talk to it.
 */
final class GoogleStandIn implements AutoCloseable {

	static final String CLIENT_ID = "parley-gmail-test.apps.googleusercontent.com";

	static final String CLIENT_SECRET = "gmail-client-secret-never-shown";

	/** Two entries a page: paging is always exercised. */
	static final int PAGE = 2;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final RSAKey key;

	private final RSAKey strangerKey;

	private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();

	private final Map<String, String> codes = new ConcurrentHashMap<>();

	private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

	private final Map<String, String> accessTokens = new ConcurrentHashMap<>();

	/** Who consents next, when not the account Parley hinted at. */
	volatile String consentAs;

	/** The last consent request's parameters. */
	volatile Map<String, String> lastConsent = Map.of();

	/** The consent is refused ({@code error=access_denied}), as by a click on Cancel. */
	volatile boolean refuse;

	/**
	 * Where a browser reaches Parley, when not at its redirect URI's origin (the public
	 * URL's port is not a test's random one); {@code null}: the redirect URI as given.
	 */
	volatile String parleyUrl;

	GoogleStandIn() throws IOException, JOSEException {
		this.key = new RSAKeyGenerator(2048).keyID("google-1").generate();
		this.strangerKey = new RSAKeyGenerator(2048).keyID("google-1").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Points Parley's Google client at this stand-in, polling only when a test asks. */
	void register(DynamicPropertyRegistry registry) {
		registry.add("parley.email.gmail.client-id", () -> CLIENT_ID);
		registry.add("parley.email.gmail.client-secret", () -> CLIENT_SECRET);
		registry.add("parley.email.gmail.poll-interval", () -> "1h");
		registry.add("parley.email.gmail.auth-url", () -> url() + "/auth");
		registry.add("parley.email.gmail.token-url", () -> url() + "/token");
		registry.add("parley.email.gmail.api-url", () -> url() + "/");
		registry.add("parley.email.gmail.certs-url", () -> url() + "/certs");
	}

	Mailbox mailbox(String address) {
		return this.mailboxes.computeIfAbsent(address, Mailbox::new);
	}

	/**
	 * A push token as Pub/Sub signs it; {@code stranger} signs with a key not Google's.
	 */
	String pushToken(String audience, String email, boolean stranger, Instant now) throws JOSEException {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://accounts.google.com")
			.audience(audience)
			.claim("email", email)
			.claim("email_verified", true)
			.subject("1234567890")
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("google-1").build(), claims);
		jwt.sign(new RSASSASigner(stranger ? this.strangerKey : this.key));
		return jwt.serialize();
	}

	/** The body of a Pub/Sub push of Gmail's notification. */
	static String pushBody(String address, long historyId) {
		String data = Base64.getEncoder()
			.encodeToString(("{\"emailAddress\":\"" + address + "\",\"historyId\":" + historyId + "}")
				.getBytes(StandardCharsets.UTF_8));
		return "{\"message\":{\"data\":\"" + data + "\",\"messageId\":\"" + UUID.randomUUID()
				+ "\",\"publishTime\":\"2026-01-01T00:00:00Z\"},\"subscription\":\"projects/p/subscriptions/gmail\"}";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
			byte[] body = exchange.getRequestBody().readAllBytes();
			if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
				// Google's client compresses what it sends, as Google accepts
				body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
			}
			if (path.equals("/auth")) {
				consent(exchange, query);
			}
			else if (path.equals("/token")) {
				token(exchange, form(new String(body, StandardCharsets.UTF_8)));
			}
			else if (path.equals("/certs")) {
				answer(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString());
			}
			else if (path.startsWith("/gmail/v1/users/me/")) {
				String address = this.accessTokens.get(bearer(exchange));
				if (address == null) {
					answer(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Invalid Credentials\"}}");
					return;
				}
				mailbox(address).handle(exchange, path.substring("/gmail/v1/users/me/".length()), query, body);
			}
			else {
				answer(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
			}
		}
		catch (RuntimeException | Error ex) {
			ex.printStackTrace();
			answer(exchange, 500, "{\"error\":{\"code\":500,\"message\":\"stand-in failed\"}}");
		}
	}

	private void consent(HttpExchange exchange, Map<String, String> query) throws IOException {
		this.lastConsent = query;
		String code = "code-" + UUID.randomUUID();
		String who = (this.consentAs != null) ? this.consentAs : query.get("login_hint");
		this.codes.put(code, who);
		String back = query.get("redirect_uri");
		if (this.parleyUrl != null) {
			back = this.parleyUrl + URI.create(back).getRawPath();
		}
		exchange.getResponseHeaders()
			.add("Location", this.refuse ? back + "?error=access_denied&state=" + query.get("state") : back + "?state="
					+ query.get("state") + "&code=" + code + "&scope=https://www.googleapis.com/auth/gmail.readonly");
		exchange.sendResponseHeaders(302, -1);
	}

	private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
		if (!CLIENT_SECRET.equals(form.get("client_secret")) || !CLIENT_ID.equals(form.get("client_id"))) {
			answer(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		String address;
		String refreshToken = null;
		if ("authorization_code".equals(form.get("grant_type"))) {
			address = this.codes.remove(form.getOrDefault("code", ""));
			refreshToken = "refresh-" + UUID.randomUUID();
			if (address != null) {
				this.refreshTokens.put(refreshToken, address);
				SecretsStayOutOfTheLog.remember(refreshToken);
			}
		}
		else {
			address = this.refreshTokens.get(form.getOrDefault("refresh_token", ""));
			if (address != null && mailbox(address).revoked) {
				address = null;
			}
		}
		if (address == null) {
			answer(exchange, 400,
					"{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}");
			return;
		}
		String accessToken = "access-" + UUID.randomUUID();
		SecretsStayOutOfTheLog.remember(accessToken);
		this.accessTokens.put(accessToken, address);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", accessToken);
		answer.put("expires_in", 3599);
		answer.put("token_type", "Bearer");
		answer.put("scope",
				"https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.send");
		if (refreshToken != null) {
			answer.put("refresh_token", refreshToken);
		}
		answer(exchange, 200, JSON.writeValueAsString(answer));
	}

	private static String bearer(HttpExchange exchange) {
		String header = exchange.getRequestHeaders().getFirst("Authorization");
		return (header != null && header.startsWith("Bearer ")) ? header.substring(7) : "";
	}

	static Map<String, String> form(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw != null && !raw.isEmpty()) {
			for (String pair : raw.split("&")) {
				int at = pair.indexOf('=');
				String name = URLDecoder.decode((at < 0) ? pair : pair.substring(0, at), StandardCharsets.UTF_8);
				String value = (at < 0) ? "" : URLDecoder.decode(pair.substring(at + 1), StandardCharsets.UTF_8);
				values.merge(name, value, (a, b) -> a + "," + b);
			}
		}
		return values;
	}

	static void answer(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/** One Gmail account's mail, as its history. */
	static final class Mailbox {

		final String address;

		final List<Stored> messages = new CopyOnWriteArrayList<>();

		final List<Stored> sent = new CopyOnWriteArrayList<>();

		final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();

		final AtomicInteger historyReads = new AtomicInteger();

		final AtomicInteger watches = new AtomicInteger();

		final List<String> topics = new CopyOnWriteArrayList<>();

		/** History below this is gone: a read from before answers 404. */
		volatile long oldestHistory;

		volatile long historyId = 1000;

		volatile long watchExpiration = Instant.now().plusSeconds(7 * 24 * 3600).toEpochMilli();

		volatile boolean revoked;

		/** Sends answered with 503 before one goes through. */
		final AtomicInteger failingSends = new AtomicInteger();

		Mailbox(String address) {
			this.address = address;
		}

		/** A mail arrives in INBOX: its Gmail id. */
		synchronized String arrive(byte[] raw, String threadId) {
			String id = Long.toHexString(System.nanoTime());
			this.historyId++;
			this.messages.add(new Stored(id, (threadId != null) ? threadId : "thread-" + id, raw, this.historyId,
					List.of("INBOX", "UNREAD")));
			return id;
		}

		int gets(String id) {
			return this.gets.getOrDefault(id, new AtomicInteger()).get();
		}

		synchronized void handle(HttpExchange exchange, String path, Map<String, String> query, byte[] body)
				throws IOException {
			if (path.equals("profile")) {
				answer(exchange, 200, "{\"emailAddress\":\"" + this.address + "\",\"messagesTotal\":"
						+ this.messages.size() + ",\"historyId\":\"" + this.historyId + "\"}");
			}
			else if (path.equals("watch")) {
				this.watches.incrementAndGet();
				this.topics.add(JSON.readTree(body).path("topicName").asString(""));
				answer(exchange, 200,
						"{\"historyId\":\"" + this.historyId + "\",\"expiration\":\"" + this.watchExpiration + "\"}");
			}
			else if (path.equals("history")) {
				history(exchange, query);
			}
			else if (path.equals("messages")) {
				list(exchange, query);
			}
			else if (path.equals("messages/send")) {
				send(exchange, JSON.readTree(body));
			}
			else if (path.startsWith("messages/")) {
				get(exchange, path.substring("messages/".length()), query);
			}
			else {
				answer(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
			}
		}

		private void history(HttpExchange exchange, Map<String, String> query) throws IOException {
			this.historyReads.incrementAndGet();
			long start = Long.parseLong(query.get("startHistoryId"));
			if (start < this.oldestHistory) {
				answer(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
						+ "\"status\":\"NOT_FOUND\"}}");
				return;
			}
			List<Stored> found = this.messages.stream()
				.filter((message) -> message.historyId() > start)
				.filter((message) -> !query.containsKey("labelId") || message.labels().contains(query.get("labelId")))
				.toList();
			int from = Integer.parseInt(query.getOrDefault("pageToken", "0"));
			List<String> entries = new ArrayList<>();
			for (Stored message : found.subList(from, Math.min(found.size(), from + PAGE))) {
				entries.add("{\"id\":\"" + message.historyId() + "\",\"messages\":[" + message.reference()
						+ "],\"messagesAdded\":[{\"message\":" + message.reference() + "}]}");
			}
			String next = (from + PAGE < found.size()) ? ",\"nextPageToken\":\"" + (from + PAGE) + "\"" : "";
			answer(exchange, 200, "{\"history\":[" + String.join(",", entries) + "],\"historyId\":\"" + this.historyId
					+ "\"" + next + "}");
		}

		private void list(HttpExchange exchange, Map<String, String> query) throws IOException {
			List<Stored> inbox = new ArrayList<>(
					this.messages.stream().filter((message) -> message.labels().contains("INBOX")).toList());
			Collections.reverse(inbox);
			int from = Integer.parseInt(query.getOrDefault("pageToken", "0"));
			List<String> page = inbox.subList(from, Math.min(inbox.size(), from + PAGE))
				.stream()
				.map(Stored::reference)
				.toList();
			String next = (from + PAGE < inbox.size()) ? ",\"nextPageToken\":\"" + (from + PAGE) + "\"" : "";
			answer(exchange, 200, "{\"messages\":[" + String.join(",", page) + "],\"resultSizeEstimate\":"
					+ inbox.size() + next + "}");
		}

		private void get(HttpExchange exchange, String id, Map<String, String> query) throws IOException {
			Stored message = this.messages.stream().filter((stored) -> stored.id().equals(id)).findFirst().orElse(null);
			if (message == null || !"raw".equals(query.get("format"))) {
				answer(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not Found\"}}");
				return;
			}
			this.gets.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet();
			answer(exchange, 200,
					"{\"id\":\"" + id + "\",\"threadId\":\"" + message.threadId() + "\",\"historyId\":\""
							+ message.historyId() + "\",\"raw\":\""
							+ Base64.getUrlEncoder().encodeToString(message.raw()) + "\"}");
		}

		private void send(HttpExchange exchange, JsonNode request) throws IOException {
			if (this.failingSends.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				answer(exchange, 503, "{\"error\":{\"code\":503,\"message\":\"Backend Error\"}}");
				return;
			}
			byte[] raw = Base64.getUrlDecoder().decode(request.path("raw").asString(""));
			String id = "sent-" + Long.toHexString(System.nanoTime());
			String threadId = request.path("threadId").asString("thread-" + id);
			this.historyId++;
			Stored sent = new Stored(id, threadId, raw, this.historyId, List.of("SENT"));
			this.sent.add(sent);
			this.messages.add(sent);
			answer(exchange, 200, "{\"id\":\"" + id + "\",\"threadId\":\"" + threadId + "\",\"labelIds\":[\"SENT\"]}");
		}

	}

	/** A message as Gmail keeps it. */
	record Stored(String id, String threadId, byte[] raw, long historyId, List<String> labels) {

		String reference() {
			return "{\"id\":\"" + this.id + "\",\"threadId\":\"" + this.threadId + "\"}";
		}

		String text() {
			return new String(this.raw, StandardCharsets.UTF_8);
		}

	}

}
