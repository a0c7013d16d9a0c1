package io.parley.workspace;

import java.util.List;
import java.util.Optional;

import io.parley.system.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands the {@link Caller} to controller methods that declare it, and enforces
 * {@link RequiresPermission} before the handler's arguments (and so the body) are read.
 */
@Configuration(proxyBeanMethods = false)
class CallerWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new PermissionInterceptor());
	}

	static Optional<Caller> currentCaller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication instanceof CallerAuthentication caller) ? Optional.of(caller.getPrincipal())
				: Optional.empty();
	}

	static final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == Caller.class;
		}

		@Override
		public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
			// a @Nullable Caller is for routes that also serve anonymous requests
			return parameter.isOptional() ? currentCaller().orElse(null)
					: currentCaller().orElseThrow(ErrorCode.UNAUTHORIZED::exception);
		}

	}

	static final class PermissionInterceptor implements HandlerInterceptor {

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (handler instanceof HandlerMethod method) {
				RequiresPermission required = method.getMethodAnnotation(RequiresPermission.class);
				if (required != null) {
					currentCaller().orElseThrow(ErrorCode.UNAUTHORIZED::exception).require(required.value());
				}
			}
			return true;
		}

	}

}
