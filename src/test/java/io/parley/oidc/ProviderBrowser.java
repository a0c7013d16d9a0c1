package io.parley.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
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
			return client.send(request, HttpResponse.BodyHandlers.ofString());
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
