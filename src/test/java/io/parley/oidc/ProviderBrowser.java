package io.parley.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.SecretsStayOutOfTheLog;
import tools.jackson.databind.JsonNode;

/**
 * A browser for the round trip through a provider: it keeps cookies, follows redirects
 * when asked to, and makes the exchange {@code /oidc.html}'s script makes.
 */
final class ProviderBrowser {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient following;

	private final HttpClient stepping;

	ProviderBrowser(int port) {
		this.base = "http://localhost:" + port;
		this.following = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.stepping = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** Follows every redirect from a path of Parley's (or an absolute address). */
	HttpResponse<String> open(String pathOrUrl) {
		return send(this.following, get(pathOrUrl));
	}

	/** One request, its redirect not followed. */
	HttpResponse<String> step(String pathOrUrl) {
		return send(this.stepping, get(pathOrUrl));
	}

	/**
	 * Signs in through the provider from the start, and makes the result page's exchange.
	 */
	Reply signIn(String provider) {
		HttpResponse<String> page = open("/auth/oidc/" + provider);
		if (!page.uri().getPath().equals("/oidc.html")) {
			throw new IllegalStateException("The round trip ended at " + page.uri() + ": " + page.statusCode());
		}
		return exchange();
	}

	/** {@code POST /auth/oidc/exchange} with the cookies this browser holds. */
	Reply exchange() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/auth/oidc/exchange"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.header("Accept", "application/json")
			.build();
		HttpResponse<String> response = send(this.following, request);
		JsonNode body = response.body().isEmpty() ? null : Api.JSON.readTree(response.body());
		return new Reply(response.statusCode(), body, response.body());
	}

	/**
	 * The secrets of the round trip for the log scan: codes and tickets in the addresses
	 * it went through, the one-time code in its cookie, the tokens of the exchange.
	 */
	private static void rememberSecrets(HttpResponse<String> response) {
		for (HttpResponse<String> hop = response; hop != null; hop = hop.previousResponse().orElse(null)) {
			rememberParameters(hop.uri());
			hop.headers().firstValue("Location").map(URI::create).ifPresent(ProviderBrowser::rememberParameters);
			hop.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter((cookie) -> cookie.startsWith("parley_oidc="))
				.forEach((cookie) -> SecretsStayOutOfTheLog
					.remember(cookie.substring("parley_oidc=".length(), cookie.indexOf(';'))));
		}
		if (response.body().startsWith("{")) {
			JsonNode body = Api.JSON.readTree(response.body()).path("data");
			for (String field : new String[] { "token", "refreshToken", "challenge" }) {
				if (body.path(field).isString()) {
					SecretsStayOutOfTheLog.remember(body.path(field).stringValue());
				}
			}
		}
	}

	private static void rememberParameters(URI uri) {
		if (uri.getRawQuery() == null) {
			return;
		}
		for (String pair : uri.getRawQuery().split("&")) {
			if (pair.startsWith("code=") || pair.startsWith("link=") || pair.startsWith("state=")) {
				SecretsStayOutOfTheLog
					.remember(URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8));
			}
		}
	}

	CookieManager cookies() {
		return this.cookies;
	}

	private HttpRequest get(String pathOrUrl) {
		return HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl))
			.GET()
			.build();
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			rememberSecrets(response);
			return response;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
