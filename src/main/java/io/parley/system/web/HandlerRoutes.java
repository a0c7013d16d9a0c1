package io.parley.system.web;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The controller methods behind the routes, and which of their arguments the application
 * fills in itself (through its own argument resolvers, such as the caller) rather than
 * reading them from the request's parameters or body.
 */
class HandlerRoutes {

	private static final Pattern VARIABLE_REGEX = Pattern.compile("\\{([^}:]+):[^}]*}");

	private final Map<String, HandlerMethod> handlers = new HashMap<>();

	private final List<HandlerMethodArgumentResolver> ownResolvers;

	/**
	 * @param ownResolvers the argument resolvers the application registers (and not a
	 * library)
	 */
	HandlerRoutes(List<RequestMappingHandlerMapping> mappings, List<HandlerMethodArgumentResolver> ownResolvers) {
		this.ownResolvers = ownResolvers;
		mappings.forEach((mapping) -> mapping.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String path : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
					this.handlers.putIfAbsent(key(method.name(), path), handler);
				}
			}
		}));
	}

	/** The handler of a route as OpenAPI writes it ({@code /conversations/{id}}). */
	@Nullable HandlerMethod handler(String method, String path) {
		return this.handlers.get(key(method, path));
	}

	List<MethodParameter> suppliedArguments(HandlerMethod handler) {
		return Arrays.stream(handler.getMethodParameters()).map(MethodParameter::new).filter((parameter) -> {
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			return this.ownResolvers.stream().anyMatch((resolver) -> resolver.supportsParameter(parameter));
		}).toList();
	}

	/** The types of all arguments the application fills in itself, on every route. */
	Set<Class<?>> suppliedTypes() {
		return this.handlers.values()
			.stream()
			.distinct()
			.flatMap((handler) -> suppliedArguments(handler).stream())
			.map(MethodParameter::getParameterType)
			.collect(Collectors.toSet());
	}

	/** springdoc writes {@code {id:[0-9]+}} as {@code {id}}. */
	private static String key(String method, String path) {
		return method + " " + VARIABLE_REGEX.matcher(path).replaceAll("{$1}");
	}

}
