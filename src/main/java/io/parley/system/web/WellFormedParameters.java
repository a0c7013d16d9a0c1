package io.parley.system.web;

import java.util.Map;

import io.parley.system.ErrorCode;
import io.parley.system.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses query parameters and path variables holding text that is not
 * {@link Text#isWellFormed well-formed}, as the JSON parser does for bodies: a
 * {@code %00} in a search would otherwise reach PostgreSQL, which refuses it with an
 * error.
 */
final class WellFormedParameters implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			require(parameter.getKey());
			for (String value : parameter.getValue()) {
				require(value);
			}
		}
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
			for (Object value : variables.values()) {
				require(String.valueOf(value));
			}
		}
		return true;
	}

	private static void require(String text) {
		if (!Text.isWellFormed(text)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

}
