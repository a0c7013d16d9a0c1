package io.parley.widget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.FreshInstall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo page on installs of their own (decision 69): it embeds the widget of the
 * "Demo" workspace, founded without any account, so the install's first admin still signs
 * up as on any fresh install (decision 47); with {@code PARLEY_DEMO=false} there is none.
 */
class DemoPageIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Pattern KEY = Pattern.compile("<script src=\"/widget.js\" data-key=\"(wk_[A-Za-z0-9_-]+)\"");

	@Test
	void theDemoPageEmbedsTheDemoWorkspacesWidgetAndTheFirstAdminStillSignsUp() throws Exception {
		try (FreshInstall install = FreshInstall.start()) {
			HttpResponse<String> page = get(install.port(), "/demo");

			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			Matcher key = KEY.matcher(page.body());
			assertThat(key.find()).as(page.body()).isTrue();
			HttpResponse<String> config = get(install.port(), "/api/widget/config?key=" + key.group(1));
			assertThat(config.statusCode()).isEqualTo(200);
			assertThat(Api.JSON.readTree(config.body()).get("data").get("workspaceName").stringValue())
				.isEqualTo("Demo");
			assertThat(get(install.port(), "/demo").body()).as("the same key on every visit").contains(key.group(1));

			Reply admin = install.api()
				.post("/auth/signup", null,
						Map.of("name", "Ada", "email", "ada@example.com", "password", "secret123", "role", "admin"));
			assertThat(admin.status()).as("the install's first admin signs up").isEqualTo(201);
		}
	}

	@Test
	void withTheDemoOffThereIsNoDemoPage() throws Exception {
		try (FreshInstall install = FreshInstall.start("parley.demo=false")) {
			assertThat(get(install.port(), "/demo").statusCode()).isEqualTo(404);
		}
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
