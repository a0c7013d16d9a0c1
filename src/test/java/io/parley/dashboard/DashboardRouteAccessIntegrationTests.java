package io.parley.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import io.parley.dashboard.DashboardClient.Page;
import io.parley.support.ParleyIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deny by default for the dashboard: every page and fragment under {@code /app} sends a
 * browser without a session to the sign-in page, also with a valid CSRF token, except the
 * sign-in steps themselves.
 */
@ParleyIntegrationTest
class DashboardRouteAccessIntegrationTests {

	private static final Set<String> PUBLIC = Set.of("GET /app/login", "POST /app/login", "POST /app/login/two-factor");

	private static final String[] SETTINGS_ROUTES = { "GET /app/settings/members",
			"POST /app/settings/members/{userId}/role", "POST /app/settings/members/{userId}/deactivate",
			"POST /app/settings/members/{userId}/activate", "POST /app/settings/members/invitations",
			"POST /app/settings/members/invitations/{id}/resend", "POST /app/settings/members/invitations/{id}/revoke",
			"GET /app/settings/roles", "POST /app/settings/roles", "GET /app/settings/roles/{id}",
			"POST /app/settings/roles/{id}", "POST /app/settings/roles/{id}/delete" };

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+\\}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping controllers;

	@Test
	void everyDashboardRouteNeedsASignedInSession() {
		DashboardClient browser = new DashboardClient(this.port);
		browser.get("/app/login");
		Map<String, String> answers = new TreeMap<>();
		for (String route : routes()) {
			String method = route.substring(0, route.indexOf(' '));
			String path = VARIABLE.matcher(route.substring(route.indexOf(' ') + 1))
				.replaceAll(UUID.randomUUID().toString());
			Page page = method.equals("GET") ? browser.get(path) : browser.post(path, Map.of());
			answers.put(route, page.status() + " " + page.location());
		}

		assertThat(answers).as("dashboard routes found").hasSizeGreaterThan(5);
		assertThat(answers).as("the members and roles settings").containsKeys(SETTINGS_ROUTES);
		List<String> open = new ArrayList<>();
		answers.forEach((route, answer) -> {
			if (!PUBLIC.contains(route) && !answer.matches("302 http://localhost:\\d+/app/login")) {
				open.add(route + " answered " + answer);
			}
		});
		assertThat(open).as("dashboard routes that answer without a session").isEmpty();
	}

	private List<String> routes() {
		List<String> routes = new ArrayList<>();
		for (RequestMappingInfo info : this.controllers.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.equals("/app") && !pattern.startsWith("/app/")) {
					continue;
				}
				if (methods.isEmpty()) {
					routes.add("GET " + pattern);
				}
				methods.forEach((method) -> routes.add(method.name() + " " + pattern));
			}
		}
		return routes;
	}

}
