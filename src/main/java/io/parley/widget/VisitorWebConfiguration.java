package io.parley.widget;

import java.util.List;

import io.parley.system.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands the {@link Visitor} of the request's visitor token to controller methods that
 * declare it: 401 without a valid token, 403 "Origin not allowed" when the request comes
 * from a page outside the visitor's workspace's allowed domains. Declaring the visitor is
 * thus what checks both, before the body is read.
 */
@Configuration(proxyBeanMethods = false)
class VisitorWebConfiguration implements WebMvcConfigurer {

	private final AllowedOrigins origins;

	VisitorWebConfiguration(AllowedOrigins origins) {
		this.origins = origins;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new VisitorArgumentResolver(this.origins));
	}

	record VisitorArgumentResolver(AllowedOrigins origins) implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Visitor.class;
		}

		@Override
		public Visitor resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (!(authentication instanceof VisitorAuthentication visitorAuthentication)) {
				throw ErrorCode.UNAUTHORIZED.exception();
			}
			Visitor visitor = visitorAuthentication.getPrincipal();
			HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
			if (request != null && !this.origins.allows(visitor.workspaceId(), request)) {
				throw ErrorCode.ORIGIN_NOT_ALLOWED.exception();
			}
			return visitor;
		}

	}

}
