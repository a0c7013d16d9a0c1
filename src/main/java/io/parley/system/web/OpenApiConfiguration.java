package io.parley.system.web;

import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description at {@code /v3/api-docs}, browsable with Swagger UI at
 * {@code /swagger-ui.html}. springdoc finds every route by itself; this adds what it
 * cannot see, so that controllers need no documentation annotations.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String DESCRIPTION = """
			Parley's HTTP API. Every JSON answer is an envelope: `{"success": true, "data": ...}` or \
			`{"success": false, "error": "..."}`. Routes marked with a lock take `Authorization: Bearer <token>` \
			with the token from `POST /auth/login`. The full contract, with every rule, error text and the \
			WebSocket protocol, is `docs/api.md` in Parley's source.""";

	@Bean
	OpenAPI parleyApi(@Value("${parley.version}") String version) {
		return new OpenAPI().info(new Info().title("Parley API").version(version).description(DESCRIPTION))
			// relative, so "Try it out" also works behind a proxy that terminates TLS
			.addServersItem(new Server().url("/").description("this server"))
			.components(new Components().addSecuritySchemes(RouteDocumentation.BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("The access token from POST /auth/login")));
	}

	@Bean
	OpenApiCustomizer routeDocumentation(ObjectProvider<RequestMappingHandlerMapping> mappings,
			ObjectProvider<RequestMappingHandlerAdapter> adapters, BeanFactory beans,
			ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
		// looked up when the description is first asked for, once MVC and security are
		// set up
		return (openApi) -> new RouteDocumentation(routes(mappings, adapters, beans), privileges.getObject())
			.describe(openApi);
	}

	/**
	 * Arguments the application fills in itself (the caller, from the token) are not
	 * request parameters; springdoc would list them as such.
	 */
	@Bean
	SmartInitializingSingleton undocumentedArguments(ObjectProvider<RequestMappingHandlerMapping> mappings,
			ObjectProvider<RequestMappingHandlerAdapter> adapters, BeanFactory beans) {
		return () -> routes(mappings, adapters, beans).suppliedTypes()
			.forEach(SpringDocUtils.getConfig()::addRequestWrapperToIgnore);
	}

	private static HandlerRoutes routes(ObjectProvider<RequestMappingHandlerMapping> mappings,
			ObjectProvider<RequestMappingHandlerAdapter> adapters, BeanFactory beans) {
		List<String> ownPackages = AutoConfigurationPackages.get(beans);
		List<HandlerMethodArgumentResolver> ownResolvers = adapters.orderedStream()
			.map(RequestMappingHandlerAdapter::getCustomArgumentResolvers)
			.filter(Objects::nonNull)
			.flatMap(List::stream)
			.filter((resolver) -> ownPackages.stream()
				.anyMatch((root) -> resolver.getClass().getName().startsWith(root + ".")))
			.toList();
		return new HandlerRoutes(mappings.orderedStream().toList(), ownResolvers);
	}

}
