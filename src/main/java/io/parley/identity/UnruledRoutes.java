package io.parley.identity;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The last access rule: a request no other rule named. A path no controller serves, or
 * serves with no such method, is let through to its 404 or 405; a route a controller
 * serves but no rule states is refused, however it is called, and remembered (so the
 * route-access test names it): deny by default.
 */
final class UnruledRoutes implements AuthorizationManager<RequestAuthorizationContext> {

	private static final Logger log = LoggerFactory.getLogger(UnruledRoutes.class);

	private final ObjectProvider<RequestMappingHandlerMapping> controllers;

	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	UnruledRoutes(ObjectProvider<RequestMappingHandlerMapping> controllers) {
		this.controllers = controllers;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		HttpServletRequest request = context.getRequest();
		if (!isServed(request)) {
			return new AuthorizationDecision(true);
		}
		String route = request.getMethod() + " " + request.getRequestURI();
		if (this.refused.add(route)) {
			log.warn("Refused {}: the route has no access rule in SecurityConfiguration", route);
		}
		return new AuthorizationDecision(false);
	}

	/** The served routes that were refused for having no rule, as "METHOD /path". */
	Set<String> refused() {
		return Set.copyOf(this.refused);
	}

	private boolean isServed(HttpServletRequest request) {
		try {
			HandlerExecutionChain handler = this.controllers.getObject().getHandler(request);
			return handler != null;
		}
		catch (HttpRequestMethodNotSupportedException ex) {
			// no route at all with this method: its answer is the 405, and nothing runs
			return false;
		}
		catch (Exception ex) {
			// a route, called with a media type it does not take: served, so refused
			return true;
		}
	}

}
