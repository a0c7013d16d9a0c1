package io.parley.system.web;

import java.io.IOException;

import io.parley.system.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code parley.http.max-body-size} before anything
 * reads them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBodySize;

	private final JsonMapper json;

	RequestSizeLimitFilter(@Value("${parley.http.max-body-size}") long maxBodySize, JsonMapper json) {
		this.maxBodySize = maxBodySize;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBodySize) {
			ErrorCode code = ErrorCode.PAYLOAD_TOO_LARGE;
			response.setStatus(code.status());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader("Connection", "close");
			this.json.writeValue(response.getOutputStream(), io.parley.system.ApiResponse.failure(code.text()));
			return;
		}
		chain.doFilter(request, response);
	}

}
