package io.parley.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as HTTP goes: it keeps cookies, does not follow redirects, and posts
 * forms with the CSRF token the last page it read carried, as a real form would.
 */
public final class DashboardClient {

	private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String csrfToken;

	DashboardClient(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A new client that signed in with email and password (no second factor). */
	public static DashboardClient signedIn(int port, String email, String password) {
		DashboardClient browser = new DashboardClient(port);
		browser.get("/app/login");
		Page signedIn = browser.post("/app/login", Map.of("email", email, "password", password));
		if (signedIn.status() != 302 || !signedIn.location().endsWith("/app/inbox")) {
			throw new AssertionError("not signed in: " + signedIn.status() + " " + signedIn.body());
		}
		return browser;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	Page getInLanguage(String path, String acceptLanguage) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", acceptLanguage).GET());
	}

	/** An htmx request: the {@code HX-Request} header, and the CSRF token as a header. */
	Page htmx(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET());
	}

	public Page post(String path, Map<String, String> form) {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (this.csrfToken != null) {
			fields.putIfAbsent("_csrf", this.csrfToken);
		}
		return postWithoutToken(path, fields);
	}

	/** A form with fields that repeat, as checkboxes send them; with the CSRF token. */
	Page postForm(String path, List<Map.Entry<String, String>> form) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(form);
		if (this.csrfToken != null) {
			fields.add(Map.entry("_csrf", this.csrfToken));
		}
		return postEncoded(path, fields);
	}

	public Page postWithoutToken(String path, Map<String, String> form) {
		return postEncoded(path, List.copyOf(form.entrySet()));
	}

	private Page postEncoded(String path, List<Map.Entry<String, String>> form) {
		String body = form.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** An htmx POST of an urlencoded body, with the CSRF token as a header. */
	Page htmxPost(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", (this.csrfToken != null) ? this.csrfToken : "")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * An htmx POST of a multipart form with one {@code file} part, as the conversation
	 * page sends a file; the CSRF token as a header when {@code withToken}.
	 */
	Page htmxUpload(String path, String fileName, String type, byte[] content, boolean withToken) {
		String boundary = "----parley" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + type + "\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("HX-Request", "true")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (withToken && this.csrfToken != null) {
			request.header("X-CSRF-TOKEN", this.csrfToken);
		}
		return send(request);
	}

	/** A download: its status, headers and bytes. */
	HttpResponse<byte[]> download(String path) {
		try {
			return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A POST as the live script makes it: the CSRF token in the header. */
	Page postWithHeaderToken(String path) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("X-CSRF-TOKEN", (this.csrfToken != null) ? this.csrfToken : "")
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	Optional<HttpCookie> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.findFirst();
	}

	/** Another client holding this one's cookies, as a stolen cookie jar would. */
	DashboardClient copy() {
		DashboardClient copy = new DashboardClient(this.port);
		this.cookies.getCookieStore()
			.getCookies()
			.forEach((cookie) -> copy.cookies.getCookieStore().add(uri("/app"), (HttpCookie) cookie.clone()));
		copy.csrfToken = this.csrfToken;
		return copy;
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrfToken = token.group(1);
			}
			return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""),
					response.body(), response.headers().allValues("Set-Cookie"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public record Page(int status, String location, String body, List<String> setCookies) {
	}

}
