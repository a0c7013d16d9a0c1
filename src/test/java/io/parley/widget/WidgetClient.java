package io.parley.widget;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import io.parley.support.Api;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's calls to the widget's routes: from a page at {@code origin} (its
 * {@code Origin} header, none when {@code null}), with a visitor token or none.
 */
final class WidgetClient {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final String base;

	private final String origin;

	WidgetClient(int port, String origin) {
		this.base = "http://localhost:" + port;
		this.origin = origin;
	}

	/** The same client, called from a page at another origin. */
	WidgetClient from(String otherOrigin) {
		return new WidgetClient(Integer.parseInt(this.base.substring(this.base.lastIndexOf(':') + 1)), otherOrigin);
	}

	Answer get(String path, String token) {
		return send("GET", path, token, null);
	}

	Answer post(String path, String token, Object body) {
		return send("POST", path, token, (body instanceof String raw) ? raw : Api.JSON.writeValueAsString(body));
	}

	Answer send(String method, String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.origin != null) {
			request.header("Origin", this.origin);
		}
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json = null;
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (type.startsWith("application/json")) {
				json = Api.JSON.readTree(response.body());
			}
			return new Answer(response.statusCode(), json, response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer: its status, its envelope (for JSON), its text and headers. */
	record Answer(int status, JsonNode body, String raw, HttpHeaders headers) {

		JsonNode data() {
			assertThat(this.body).as(this.raw).isNotNull();
			assertThat(this.body.get("success").asBoolean()).as(this.raw).isTrue();
			return this.body.get("data");
		}

		String error() {
			assertThat(this.body).as(this.raw).isNotNull();
			assertThat(this.body.get("success").asBoolean()).as(this.raw).isFalse();
			return this.body.get("error").stringValue();
		}

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
