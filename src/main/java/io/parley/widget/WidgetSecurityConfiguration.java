package io.parley.widget;

import java.io.IOException;
import java.util.List;

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
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The widget's own security chain, before the staff's: the visitor API
 * ({@code /api/widget/**}), the loader and the iframe's files ({@code /widget.js},
 * {@code /widget/**}) and the demo page ({@code /demo}). Stateless, no CSRF (no cookie is
 * a credential here), no staff bearer tokens: a visitor token
 * ({@link VisitorTokenFilter}) is the only credential, and failures answer in the
 * envelope. The loader and the iframe's scripts and styles are cached for five minutes;
 * the iframe document sets its own {@code frame-ancestors} (widget.web's frame
 * controller, decision 61); every other answer here is framed by nobody.
 */
@Configuration(proxyBeanMethods = false)
class WidgetSecurityConfiguration {

	/** The answers of this chain other than the iframe document. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/** How long browsers keep the loader and the iframe's files. */
	static final String STATIC_CACHE_CONTROL = "public, max-age=300";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 20)
	SecurityFilterChain widget(HttpSecurity http, JsonMapper json, VisitorTokens tokens) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		RequestMatcher frame = paths.matcher(HttpMethod.GET, "/widget/frame.html");
		RequestMatcher files = new OrRequestMatcher(paths.matcher(HttpMethod.GET, "/widget.js"),
				new AndRequestMatcher(paths.matcher(HttpMethod.GET, "/widget/**"), new NegatedRequestMatcher(frame)));
		RequestMatcher others = new NegatedRequestMatcher(new OrRequestMatcher(frame, files));
		return http
			.securityMatcher(new OrRequestMatcher(paths.matcher("/api/widget/**"), paths.matcher("/widget.js"),
					paths.matcher("/widget/**"), paths.matcher("/demo")))
			// the loader on the host page reads the widget's look from the config, a
			// cross-origin GET without credentials; the Origin check stays the
			// route's (decision 70)
			.cors((cors) -> cors.configurationSource(loaderConfig(paths)))
			.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
				.frameOptions((frames) -> frames.disable())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(others, new CacheControlHeadersWriter()))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(files,
						new StaticHeadersWriter(List.of(new Header("Cache-Control", STATIC_CACHE_CONTROL)))))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(others,
						new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(others,
						new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY))))
			.addFilterBefore(new VisitorTokenFilter(tokens), AuthorizationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				// the loader, the iframe and its files, the demo page: public files
				.requestMatchers(HttpMethod.GET, "/widget.js", "/widget/**", "/demo")
				.permitAll()
				// the widget key (or the ticket) in the request is what opens these
				.requestMatchers(HttpMethod.GET, "/api/widget/config", "/api/widget/events")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/widget/sessions", "/api/widget/offline-messages")
				.permitAll()
				// everything else a visitor does needs their visitor token
				.requestMatchers("/api/widget/**")
				.authenticated()
				.anyRequest()
				.denyAll())
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint((request, response, ex) -> write(json, response, ErrorCode.UNAUTHORIZED))
				.accessDeniedHandler((request, response, ex) -> write(json, response, ErrorCode.FORBIDDEN)))
			.build();
	}

	private static CorsConfigurationSource loaderConfig(PathPatternRequestMatcher.Builder paths) {
		RequestMatcher config = paths.matcher(HttpMethod.GET, "/api/widget/config");
		CorsConfiguration anyPage = new CorsConfiguration();
		anyPage.addAllowedOriginPattern("*");
		anyPage.addAllowedMethod(HttpMethod.GET);
		anyPage.setAllowCredentials(false);
		return (request) -> config.matches(request) ? anyPage : null;
	}

	private static void write(JsonMapper json, HttpServletResponse response, ErrorCode code) throws IOException {
		response.setStatus(code.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		json.writeValue(response.getOutputStream(), ApiResponse.failure(code.text()));
	}

}
