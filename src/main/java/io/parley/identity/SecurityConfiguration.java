package io.parley.identity;

import java.io.IOException;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

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

/**
 * Stateless bearer-token security. Only routes that need a caller require authentication;
 * unknown routes fall through to a 404. Failures are written in the envelope.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json, BearerTokens tokens) throws Exception {
		return http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				// the OpenAPI description and Swagger UI, public like the documentation
				// they are
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				// metrics tell how busy the service is: scraped from the same host only
				.requestMatchers("/actuator/prometheus")
				.access(AuthorizationManagers.anyOf(IpAddressAuthorizationManager.hasIpAddress("127.0.0.1"),
						IpAddressAuthorizationManager.hasIpAddress("::1")))
				.requestMatchers(HttpMethod.POST, "/api/workspaces")
				.permitAll()
				.requestMatchers("/api/invitation-links/**")
				.permitAll()
				.requestMatchers("/auth/me", "/conversations", "/conversations/**", "/admin/**", "/api/**")
				.authenticated()
				.anyRequest()
				.permitAll())
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

	private static void write(JsonMapper json, HttpServletResponse response, ErrorCode code) throws IOException {
		response.setStatus(code.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ApiResponse.failure(code.text()));
	}

}
