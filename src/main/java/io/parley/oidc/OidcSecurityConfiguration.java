package io.parley.oidc;

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
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The round trip through a provider, on a filter chain of its own ahead of the stateless
 * API's: {@code GET /auth/oidc/{provider}} sends the browser to the provider with a
 * state, a nonce and a PKCE challenge, which an HTTP session keeps until the provider
 * sends it back to {@code /login/oauth2/code/{provider}}; the session ends there. Only
 * these two routes see a session; every other route stays on the bearer-token chain.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOidc
class OidcSecurityConfiguration {

	static final String START = "/auth/oidc";

	static final String CALLBACK = "/login/oauth2/code/*";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain oidcRoundTrip(HttpSecurity http, OidcProviders providers, OidcSignIn signIn,
			@Value("${parley.public-url}") String publicUrl) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RememberedAuthorizationRequests requests = new RememberedAuthorizationRequests();
		OidcCallback callback = new OidcCallback(signIn, requests, publicUrl.startsWith("https:"));
		return http
			.securityMatcher(new OrRequestMatcher(paths.matcher(HttpMethod.GET, START + "/*"),
					paths.matcher(HttpMethod.GET, CALLBACK)))
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			// the session holds the authorization request only, never a signed-in user
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
			// the callback's address carries the provider's code: no page it leads to
			// learns it
			.headers((headers) -> headers.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			// an unknown provider falls through to the 404 of a path nothing serves
			.authorizeHttpRequests((routes) -> routes.anyRequest().permitAll())
			.oauth2Login(
					(login) -> login
						.authorizationEndpoint((start) -> start.baseUri(START)
							.authorizationRequestResolver(
									new LinkingAuthorizationRequestResolver(providers, START, signIn))
							.authorizationRequestRepository(requests))
						.redirectionEndpoint((redirection) -> redirection.baseUri(CALLBACK))
						.authorizedClientRepository(new NoAuthorizedClients())
						.successHandler(callback)
						.failureHandler(callback))
			.build();
	}

}
