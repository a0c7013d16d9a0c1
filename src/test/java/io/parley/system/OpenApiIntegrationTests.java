package io.parley.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.parley.support.Api;
import io.parley.support.Api.Reply;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI description describes every route the application serves, as the server
 * enforces it, and Swagger UI shows it without reaching beyond the server.
 */
@ParleyIntegrationTest
class OpenApiIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	/** What springdoc writes for a mapping that names no method. */
	private static final Set<RequestMethod> ANY_METHOD = EnumSet.complementOf(EnumSet.of(RequestMethod.TRACE));

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.port);
	}

	@Test
	void theDescriptionIsPublicOpenApi3WithABearerTokenScheme() {
		Reply reply = this.api.get("/v3/api-docs", null);

		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		JsonNode description = reply.body();
		assertThat(description.get("openapi").stringValue()).startsWith("3.");
		assertThat(description.at("/info/title").stringValue()).isEqualTo("Parley API");
		assertThat(description.at("/info/version").stringValue()).isNotBlank().doesNotContain("@");
		assertThat(description.at("/info/description").stringValue()).contains("docs/api.md");
		JsonNode bearer = description.at("/components/securitySchemes/bearerAuth");
		assertThat(bearer.get("type").stringValue()).isEqualTo("http");
		assertThat(bearer.get("scheme").stringValue()).isEqualTo("bearer");
		assertThat(bearer.get("bearerFormat").stringValue()).isEqualTo("JWT");
	}

	@Test
	void everyRouteTheApplicationServesIsDescribedAndNothingElse() {
		Set<String> routes = routes();
		Set<String> described = operations(description()).keySet();

		assertThat(routes).contains("POST /auth/login", "GET /conversations/{id}", "GET /admin/analytics");
		assertThat(described).as("routes without a description: add them, or say why they cannot be described")
			.containsAll(routes);
		assertThat(described).containsExactlyInAnyOrderElementsOf(routes);
		assertThat(described).noneMatch((operation) -> operation.contains(" /actuator"))
			.noneMatch((operation) -> operation.contains(" /app"))
			.noneMatch((operation) -> operation.endsWith(" /error"));
	}

	@Test
	void everyRouteDescribedAsNeedingATokenRefusesARequestWithoutOne() {
		List<String> checked = new ArrayList<>();
		operations(description()).forEach((operation, described) -> {
			if (!described.path("security").equals(Api.JSON.readTree("[{\"bearerAuth\": []}]"))) {
				return;
			}
			String method = operation.substring(0, operation.indexOf(' '));
			if (Set.of("HEAD", "OPTIONS").contains(method)) {
				return;
			}
			String path = VARIABLE.matcher(operation.substring(method.length() + 1))
				.replaceAll(UUID.randomUUID().toString());
			Reply reply = this.api.send(method, path, null, null, null);
			assertThat(reply.status()).as(operation + ": " + reply.raw()).isEqualTo(401);
			assertThat(reply.error()).isEqualTo("Unauthorized, token missing or invalid");
			checked.add(operation);
		});

		assertThat(checked).contains("GET /auth/me", "POST /conversations", "GET /conversations/{id}",
				"GET /admin/analytics", "GET /api/workspaces");
	}

	@Test
	void publicRoutesAreDescribedWithoutAToken() {
		Map<String, JsonNode> operations = operations(description());

		assertThat(operations.get("POST /auth/login").has("security")).isFalse();
		assertThat(operations.get("POST /auth/signup").get("security"))
			.as("signing up takes no token, or an admin's to make an admin (decision 47)")
			.isEqualTo(Api.JSON.readTree("[{}, {\"bearerAuth\": []}]"));
		assertThat(operations.get("POST /api/workspaces").get("security"))
			.as("creating a workspace takes a token or an owner to sign up")
			.isEqualTo(Api.JSON.readTree("[{}, {\"bearerAuth\": []}]"));
	}

	@Test
	void everyFailureIsDescribedAsTheEnvelope() {
		JsonNode description = description();

		JsonNode envelope = description.at("/components/schemas/ApiResponse/properties");
		assertThat(envelope.at("/success/type").stringValue()).isEqualTo("boolean");
		assertThat(envelope.at("/error/type").stringValue()).isEqualTo("string");
		assertThat(envelope.has("data")).isTrue();
		assertThat(description.at("/components/responses/Failure/content/application~1json/schema/$ref").stringValue())
			.isEqualTo("#/components/schemas/ApiResponse");
		operations(description)
			.forEach((operation, described) -> assertThat(described.at("/responses/default/$ref").stringValue())
				.as(operation)
				.isEqualTo("#/components/responses/Failure"));
	}

	@Test
	void theCallerIsNoRequestParameter() {
		JsonNode description = description();

		assertThat(description.at("/components/schemas").has("Caller")).isFalse();
		operations(description)
			.forEach((operation, described) -> assertThat(described.path("parameters").valueStream()).as(operation)
				.noneMatch((parameter) -> parameter.get("name").stringValue().equals("caller")));
	}

	@Test
	void pagedListsDescribeTheirCursorAndLimit() {
		Map<String, JsonNode> operations = operations(description());

		for (String list : List.of("GET /api/members", "GET /api/contacts", "GET /api/invitations", "GET /api/roles",
				"GET /api/workspaces", "GET /api/contacts/{id}/notes", "GET /api/notifications")) {
			assertThat(operations.get(list).path("parameters").valueStream().map((p) -> p.get("name").stringValue()))
				.as(list)
				.contains("cursor", "limit");
		}
	}

	@Test
	void aBrowserOpeningTheDescriptionGetsJson() {
		HttpResponse<String> response = fetch("/v3/api-docs", BROWSER_ACCEPT);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(Api.JSON.readTree(response.body()).get("openapi").stringValue()).startsWith("3.");
	}

	@Test
	void swaggerUiIsServedWithoutATokenFromTheServerItself() {
		HttpResponse<String> entry = fetch("/swagger-ui.html", BROWSER_ACCEPT);
		assertThat(entry.statusCode()).isEqualTo(302);
		assertThat(entry.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/swagger-ui/index.html"));

		HttpResponse<String> index = fetch("/swagger-ui/index.html", BROWSER_ACCEPT);
		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(contentType(index)).startsWith("text/html");
		assertThat(index.body()).contains("<div id=\"swagger-ui\">");
		List<String> linked = linkedFrom(index.body());
		assertThat(linked).contains("./swagger-ui-bundle.js", "./swagger-ui.css", "./swagger-initializer.js")
			.allMatch((link) -> !link.contains("//"));
		for (String link : linked) {
			HttpResponse<String> resource = fetch("/swagger-ui/" + link.replaceFirst("^\\./", ""), "*/*");
			assertThat(resource.statusCode()).as(link).isEqualTo(200);
			assertThat(contentType(resource)).as(link)
				.startsWith(link.endsWith(".js") ? "text/javascript" : link.endsWith(".css") ? "text/css" : "image/");
		}

		HttpResponse<String> initializer = fetch("/swagger-ui/swagger-initializer.js", "*/*");
		assertThat(initializer.body()).contains("/v3/api-docs/swagger-config")
			.doesNotContain("petstore")
			.doesNotContain("http");
		JsonNode config = Api.JSON.readTree(fetch("/v3/api-docs/swagger-config", "application/json").body());
		assertThat(config.get("url").stringValue()).isEqualTo("/v3/api-docs");
		assertThat(config.path("validatorUrl").asString("")).isEmpty();
	}

	private JsonNode description() {
		Reply reply = this.api.get("/v3/api-docs", null);
		assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
		return reply.body();
	}

	/** {@code "GET /conversations/{id}"} → its description. */
	private static Map<String, JsonNode> operations(JsonNode description) {
		Map<String, JsonNode> operations = new java.util.TreeMap<>();
		description.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.stream()
				.filter((operation) -> Stream.of(RequestMethod.values())
					.anyMatch((method) -> method.name().equalsIgnoreCase(operation.getKey())))
				.forEach((operation) -> operations.put(operation.getKey().toUpperCase() + " " + path.getKey(),
						operation.getValue())));
		return operations;
	}

	/**
	 * Every route of every controller, as the application registered it: a route added
	 * without a description fails the test.
	 */
	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		this.context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.forEach((mapping) -> mapping.getHandlerMethods().forEach((info, handler) -> {
				if (isTheApplications(handler)) {
					routes.addAll(routesOf(info));
				}
			}));
		return routes;
	}

	/**
	 * The API's routes: not springdoc's, not the error page, and not the dashboard's
	 * pages ({@code /app}), which are HTML for the browser session and no part of the
	 * API.
	 */
	private static boolean isTheApplications(HandlerMethod handler) {
		Class<?> type = handler.getBeanType();
		return !type.getName().startsWith("org.springdoc.") && !type.getName().startsWith("io.parley.dashboard.")
				&& !ErrorController.class.isAssignableFrom(type);
	}

	private static List<String> routesOf(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		List<String> routes = new ArrayList<>();
		for (String pattern : info.getPatternValues()) {
			String path = VARIABLE.matcher(pattern).replaceAll("{$1}");
			(methods.isEmpty() ? ANY_METHOD : methods).forEach((method) -> routes.add(method.name() + " " + path));
		}
		return routes;
	}

	private static List<String> linkedFrom(String html) {
		Matcher links = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
		List<String> linked = new ArrayList<>();
		while (links.find()) {
			linked.add(links.group(1));
		}
		return linked;
	}

	private static String contentType(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Type").orElse("");
	}

	private HttpResponse<String> fetch(String path, String accept) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", accept)
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
