package io.parley.system.web;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what fails before a controller is reached (the servlet container's own errors)
 * in the envelope.
 */
@RestController
class EnvelopeErrorController implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ApiResponse> error(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int code = (status instanceof Integer value) ? value : 500;
		return ErrorResponses.of(forStatus(code));
	}

	/** The envelope's answer to a status the container set. */
	static ErrorCode forStatus(int status) {
		return switch (status) {
			case 400 -> ErrorCode.INVALID_REQUEST_SCHEMA;
			case 401 -> ErrorCode.UNAUTHORIZED;
			case 403 -> ErrorCode.FORBIDDEN;
			case 404 -> ErrorCode.ROUTE_NOT_FOUND;
			case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
			case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
			case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
			case 429 -> ErrorCode.TOO_MANY_REQUESTS;
			default -> ErrorCode.INTERNAL_ERROR;
		};
	}

}
