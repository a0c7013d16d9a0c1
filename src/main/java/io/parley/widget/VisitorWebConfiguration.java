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
 * thus what checks both, before the body is read; and, where the workspace admits only
 * verified visitors, that this one is (403 "Identity verification required": a token
 * issued before the workspace required it reaches nothing after).
 */
@Configuration(proxyBeanMethods = false)
class VisitorWebConfiguration implements WebMvcConfigurer {

	private final AllowedOrigins origins;

	private final ChatSettingsStore settings;

	VisitorWebConfiguration(AllowedOrigins origins, ChatSettingsStore settings) {
		this.origins = origins;
		this.settings = settings;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new VisitorArgumentResolver(this.origins, this.settings));
	}

	record VisitorArgumentResolver(AllowedOrigins origins,
			ChatSettingsStore settings) implements HandlerMethodArgumentResolver {

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
			ChatSettings chat = this.settings.of(visitor.workspaceId());
			if (request != null && !this.origins.allows(chat, request)) {
				throw ErrorCode.ORIGIN_NOT_ALLOWED.exception();
			}
			if (chat.identityRequired() && !visitor.verified()) {
				throw ErrorCode.IDENTITY_VERIFICATION_REQUIRED.exception();
			}
			return visitor;
		}

	}

}
