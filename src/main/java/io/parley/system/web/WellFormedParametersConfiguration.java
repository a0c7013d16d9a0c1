package io.parley.system.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WellFormedParametersConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// last, so that the token and the permission are checked first (401, 403, 400)
		registry.addInterceptor(new WellFormedParameters()).order(Ordered.LOWEST_PRECEDENCE);
	}

}
