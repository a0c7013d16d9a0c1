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
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code parley.http.max-body-size}, and uploads
 * larger than the largest attachment and that much besides: a declared
 * {@code Content-Length} over it before anything reads the body, and a body sent without
 * one (chunked) as soon as more than the limit has been read; either way 413 in the
 * envelope, and the connection is closed rather than read to its end.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long maxBodySize;

	/** An upload's body: the file, and room for its caption and the multipart framing. */
	private final long maxUploadSize;

	private final JsonMapper json;

	RequestSizeLimitFilter(@Value("${parley.http.max-body-size}") long maxBodySize,
			@Value("${parley.attachments.max-size}") DataSize maxAttachmentSize, JsonMapper json) {
		this.maxBodySize = maxBodySize;
		this.maxUploadSize = maxAttachmentSize.toBytes() + maxBodySize;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean upload = "POST".equals(request.getMethod()) && RateLimitFilter.isUpload(request.getRequestURI());
		long limit = upload ? this.maxUploadSize : this.maxBodySize;
		ErrorCode tooLarge = upload ? ErrorCode.ATTACHMENT_TOO_LARGE : ErrorCode.PAYLOAD_TOO_LARGE;
		if (request.getContentLengthLong() > limit) {
			refuse(response, tooLarge);
			return;
		}
		if (request.getContentLengthLong() >= 0 || request.getHeader("Transfer-Encoding") == null) {
			// a declared length within the limit (Tomcat reads no further), or no body at
			// all
			chain.doFilter(request, response);
			return;
		}
		BoundedRequest bounded = new BoundedRequest(request, limit);
		try {
			chain.doFilter(bounded, response);
		}
		catch (ServletException | RuntimeException ex) {
			// a reader that did not turn the overrun into the envelope (a filter, a view)
			if (!bounded.overran() || response.isCommitted()) {
				throw ex;
			}
			response.resetBuffer();
			refuse(response, tooLarge);
			return;
		}
		if (bounded.overran()) {
			// the answer (413 from the exception handler) must not wait for the rest of
			// the body
			response.setHeader("Connection", "close");
		}
	}

	private void refuse(HttpServletResponse response, ErrorCode code) throws IOException {
		response.setStatus(code.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader("Connection", "close");
		this.json.writeValue(response.getOutputStream(), io.parley.system.ApiResponse.failure(code.text()));
	}

}
