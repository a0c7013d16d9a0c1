package io.parley.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import io.parley.support.Api;
import io.parley.support.ParleyIntegrationTest;
import io.parley.support.SecretsStayOutOfTheLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default: every route a controller serves is named by an access rule, and a
 * caller without a token reaches only the routes meant to be public.
 */
@ParleyIntegrationTest
@ExtendWith(SecretsStayOutOfTheLog.class)
class RouteAccessIntegrationTests {

	/** The routes anyone may call, as "METHOD pattern"; the OpenAPI routes below too. */
	private static final Set<String> PUBLIC = Set.of("POST /auth/signup", "POST /auth/login",
			"POST /auth/login/two-factor", "POST /auth/login/two-factor/enrolment", "POST /auth/refresh",
			"POST /auth/logout", "POST /api/workspaces", "POST /api/invitation-links/lookup",
			"POST /api/invitation-links/accept",
			// the widget's: its key or its files are public (decision 61)
			"GET /widget/frame.html", "GET /api/widget/config", "POST /api/widget/sessions",
			// the demo page (decision 69)
			"GET /demo",
			// a visitor ticket in the address opens it (decision 67)
			"GET /api/widget/events", "POST /api/widget/offline-messages",
			// Google's calls: the consent's state, or Google's signed push token
			// (decisions 103, 105)
			"GET /api/email-inboxes/gmail/callback", "POST /api/email-inboxes/gmail/push");

	private static final Pattern DOCUMENTATION = Pattern.compile("^/(v3/api-docs|swagger-ui).*");

	private static final Pattern DASHBOARD = Pattern.compile("^[A-Z]+ /app(/.*)?$");

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+\\}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping controllers;

	@Autowired
	UnruledRoutes unruled;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyServedRouteHasARuleAndOnlyThePublicOnesAnswerWithoutAToken() throws Exception {
		Map<String, Integer> answers = new TreeMap<>();
		for (String route : routes()) {
			String method = route.substring(0, route.indexOf(' '));
			String pattern = route.substring(route.indexOf(' ') + 1);
			answers.put(route, call(method, VARIABLE.matcher(pattern).replaceAll(UUID.randomUUID().toString())));
		}

		assertThat(answers).as("routes found").hasSizeGreaterThan(40);
		assertThat(this.unruled.refused()).as("served routes without an access rule").isEmpty();
		List<String> openWithoutToken = new ArrayList<>();
		answers.forEach((route, status) -> {
			// the dashboard's pages answer a browser without a session with the sign-in
			// page (DashboardRouteAccessIntegrationTests)
			boolean meantPublic = PUBLIC.contains(route) || DASHBOARD.matcher(route).matches()
					|| DOCUMENTATION.matcher(route.substring(route.indexOf(' ') + 1)).matches()
					|| route.endsWith(" /error");
			if (!meantPublic && status != 401) {
				openWithoutToken.add(route + " answered " + status);
			}
		});
		assertThat(openWithoutToken).as("routes that answer without a token").isEmpty();
	}

	@Test
	void aPathNothingServesIsNotFound() throws Exception {
		assertThat(call("GET", "/api-that-does-not-exist")).isEqualTo(404);
		assertThat(call("GET", "/nothing/here.txt")).isEqualTo(404);
	}

	private List<String> routes() {
		List<String> routes = new ArrayList<>();
		for (RequestMappingInfo info : this.controllers.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (methods.isEmpty()) {
					routes.add("GET " + pattern);
				}
				methods.forEach((method) -> routes.add(method.name() + " " + pattern));
			}
		}
		return routes;
	}

	private int call(String method, String path) throws Exception {
		HttpRequest.BodyPublisher body = method.equals("GET") || method.equals("DELETE")
				? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, body)
			.header("Content-Type", "application/json")
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
