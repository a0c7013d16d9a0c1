package io.parley.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * How a failed asynchronous event listener is logged. Such a failure is expected now and
 * then (a mail server that is down) and is retried (decision 35): a
 * {@link ParleyException} was explained by whoever threw it, so it gets one line, not an
 * error with a stack trace on every attempt. Anything else is a bug and logged as one.
 * The executor stays Spring Boot's.
 */
@Configuration(proxyBeanMethods = false)
class AsyncConfiguration implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsyncConfiguration.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (ex, method, arguments) -> {
			if (ex instanceof ParleyException) {
				log.info("{}.{} failed with {}, it is tried again later", method.getDeclaringClass().getSimpleName(),
						method.getName(), ex.getMessage());
			}
			else {
				log.error("{}.{} failed, it is tried again later", method.getDeclaringClass().getSimpleName(),
						method.getName(), ex);
			}
		};
	}

}
