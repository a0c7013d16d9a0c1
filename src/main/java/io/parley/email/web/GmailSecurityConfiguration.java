package io.parley.email.web;

import java.io.IOException;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Google's calls to Parley ({@link GmailController}): no staff token and no cookie is a
 * credential here, so no bearer token is read (a push's token is Google's, verified by
 * the push itself) and no CSRF applies; anything else under the path is refused.
 */
@Configuration(proxyBeanMethods = false)
class GmailSecurityConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 30)
	SecurityFilterChain gmail(HttpSecurity http, JsonMapper json) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return http.securityMatcher(paths.matcher("/api/email-inboxes/gmail/**"))
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers((headers) -> headers.contentSecurityPolicy(
					(csp) -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'; base-uri 'none'")))
			.authorizeHttpRequests((requests) -> requests
				// the consent's state is the credential
				.requestMatchers(paths.matcher(HttpMethod.GET, "/api/email-inboxes/gmail/callback"))
				.permitAll()
				// Google's signed token is the credential, checked by GmailPush
				.requestMatchers(paths.matcher(HttpMethod.POST, "/api/email-inboxes/gmail/push"))
				.permitAll()
				.anyRequest()
				.denyAll())
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
