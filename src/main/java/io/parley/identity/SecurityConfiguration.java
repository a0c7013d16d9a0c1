package io.parley.identity;

import java.io.IOException;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.IpAddressAuthorizationManager;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Stateless bearer-token security, denying by default: every route a controller serves is
 * named by a rule here, public or authenticated, and one that is not is refused
 * ({@link UnruledRoutes}); paths nothing serves fall through to a 404. Failures are
 * written in the envelope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json, BearerTokens tokens, UnruledRoutes unruled)
			throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// besides Spring Security's defaults (nosniff, X-Frame-Options DENY, no
			// caching of answers, HSTS over HTTPS): pages run only their own files, are
			// framed by nobody, and links leave only the origin behind
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.authorizeHttpRequests((requests) -> requests
				// the error page renders the failure of a request in the envelope
				.requestMatchers("/error")
				.permitAll()
				// pages and files anyone may load
				.requestMatchers(HttpMethod.GET, "/invitation.html", "/invitation.css", "/invitation.js",
						"/parley-api.js", "/favicon.ico")
				.permitAll()
				// the page that ends a sign-in through a provider (decision 57)
				.requestMatchers(HttpMethod.GET, "/oidc.html", "/oidc.js")
				.permitAll()
				// the OpenAPI description and Swagger UI, public like the
				// documentation they are
				.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
						"/swagger-ui/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
				.permitAll()
				// metrics tell how busy the service is: scraped from the same host only
				.requestMatchers("/actuator/prometheus")
				.access(AuthorizationManagers.anyOf(IpAddressAuthorizationManager.hasIpAddress("127.0.0.1"),
						IpAddressAuthorizationManager.hasIpAddress("::1")))
				// signing in and up
				.requestMatchers(HttpMethod.POST, "/auth/signup", "/auth/login")
				.permitAll()
				// the refresh token in the body is the credential (the access token may
				// have expired)
				.requestMatchers(HttpMethod.POST, "/auth/refresh", "/auth/logout")
				.permitAll()
				// a log-in's second step: the challenge from /auth/login is the
				// credential
				.requestMatchers(HttpMethod.POST, "/auth/login/two-factor", "/auth/login/two-factor/enrolment")
				.permitAll()
				// anyone may found a workspace, with a new account or their own
				.requestMatchers(HttpMethod.POST, "/api/workspaces")
				.permitAll()
				// the secret in the link, sent in the body, is the credential
				.requestMatchers(HttpMethod.POST, "/api/invitation-links/lookup", "/api/invitation-links/accept")
				.permitAll()
				// the one-time code in its cookie is the credential (oidc.OidcController,
				// decision 57); the round trip to a provider has its own chain
				.requestMatchers(HttpMethod.POST, "/auth/oidc/exchange")
				.permitAll()
				// the socket checks its token in the handshake (SocketEndpoint)
				.requestMatchers(HttpMethod.GET, "/ws")
				.permitAll()
				// everything else a caller does needs their token; what they may do
				// is the use case's check
				.requestMatchers("/auth/me", "/conversations", "/conversations/**", "/admin/**", "/api/**")
				.authenticated()
				.anyRequest()
				.access(unruled))
			.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.jwtAuthenticationConverter((token) -> tokens.authenticate(token)
					.orElseThrow(() -> new InvalidBearerTokenException("Token carries no valid caller"))))
				.authenticationEntryPoint((request, response, ex) -> write(json, response, ErrorCode.UNAUTHORIZED))
				.accessDeniedHandler((request, response, ex) -> write(json, response, ErrorCode.FORBIDDEN)))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((request, response, ex) -> write(json, response, ErrorCode.UNAUTHORIZED))
				.accessDeniedHandler((request, response, ex) -> write(json, response, ErrorCode.FORBIDDEN)))
			.build();
	}

	@Bean
	UnruledRoutes unruledRoutes(
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers) {
		return new UnruledRoutes(controllers);
	}

	private static void write(JsonMapper json, HttpServletResponse response, ErrorCode code) throws IOException {
		response.setStatus(code.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ApiResponse.failure(code.text()));
	}

}
