package io.parley.dashboard;

import java.net.URI;

import io.parley.workspace.BrowserSignIn;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The dashboard's chain (decision 77), ahead of the stateless API's: a browser session in
 * an HttpOnly, SameSite cookie ({@code PARLEY_SESSION}, kept in the database by Spring
 * Session, so any node serves it), CSRF tokens on every form and htmx request, pages that
 * run only their own scripts. The REST API stays on bearer tokens: this chain serves
 * {@code /app/**} and the WebJars only.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:; "
			+ "style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self' %s; frame-ancestors 'none'";

	static final String SIGN_IN = "/app/login";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 30)
	SecurityFilterChain dashboard(HttpSecurity http, BrowserSignIn signIn,
			@Value("${parley.email.gmail.auth-url}") String gmailConsent) throws Exception {
		// "Connect a Gmail account" posts a form answered by a redirect to Google's
		// consent, which form-action governs too (decision 115)
		String policy = CONTENT_SECURITY_POLICY.formatted(origin(gmailConsent));
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookiePath("/app");
		csrfTokens.setHeaderName("X-CSRF-TOKEN");
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
		return http
			.securityMatcher(
					new OrRequestMatcher(paths.matcher("/app"), paths.matcher("/app/**"), paths.matcher("/webjars/**")))
			// the token is in every page (a form field, and the header htmx sends);
			// the cookie it is checked against is the double submit, so signing in
			// needs no session before it
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens))
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// the session holds whom it signed in (DashboardSession); the caller is read
			// again for each request, never kept
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			.addFilterBefore(new DashboardSessionFilter(signIn), AuthorizationFilter.class)
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(policy))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.authorizeHttpRequests((routes) -> routes.requestMatchers(HttpMethod.GET, "/app/assets/**", "/webjars/**")
				.permitAll()
				.requestMatchers(SIGN_IN, SIGN_IN + "/two-factor")
				.permitAll()
				.anyRequest()
				.authenticated())
			.logout((logout) -> logout.logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/app/logout"))
				.logoutSuccessUrl(SIGN_IN + "?signedOut")
				.deleteCookies("PARLEY_SESSION"))
			.exceptionHandling((handling) -> handling.authenticationEntryPoint((request, response, ex) -> {
				// htmx follows HX-Redirect with a full page load; a browser, the 302
				if (request.getHeader("HX-Request") != null) {
					response.setHeader("HX-Redirect", SIGN_IN);
					response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				}
				else {
					response.sendRedirect(SIGN_IN);
				}
			}))
			.build();
	}

	/** The scheme, host and port of an address, as a CSP source. */
	static String origin(String address) {
		URI uri = URI.create(address);
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

}
