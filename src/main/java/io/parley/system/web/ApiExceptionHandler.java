package io.parley.system.web;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.system.RateLimitedException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns every failure of a request into the envelope, with no stack trace for the client.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(RateLimitedException.class)
	ResponseEntity<ApiResponse> limited(RateLimitedException ex) {
		return ErrorResponses.limited(ex);
	}

	@ExceptionHandler(ParleyException.class)
	ResponseEntity<ApiResponse> rule(ParleyException ex) {
		return ErrorResponses.of(ex.code());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, BindException.class,
			HandlerMethodValidationException.class, ServletRequestBindingException.class,
			MethodArgumentTypeMismatchException.class })
	ResponseEntity<ApiResponse> invalid(Exception ex) {
		if (ex.getCause() instanceof ParleyException rule) {
			return ErrorResponses.of(rule.code());
		}
		return ErrorResponses.of(ErrorCode.INVALID_REQUEST_SCHEMA);
	}

	/**
	 * Query parameters are decoded when first asked for: Tomcat refuses bytes that are no
	 * UTF-8 and Spring Security's firewall names it does not allow, both by throwing.
	 */
	@ExceptionHandler({ InvalidParameterException.class, RequestRejectedException.class })
	ResponseEntity<ApiResponse> undecodableParameters() {
		return ErrorResponses.of(ErrorCode.INVALID_REQUEST_SCHEMA);
	}

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	ResponseEntity<ApiResponse> notFound() {
		return ErrorResponses.of(ErrorCode.ROUTE_NOT_FOUND);
	}

	/** A file over Spring's multipart limit, which is the attachments' (decision 73). */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiResponse> uploadTooLarge() {
		return ErrorResponses.of(ErrorCode.ATTACHMENT_TOO_LARGE);
	}

	/** A multipart body that cannot be read as one. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiResponse> malformedMultipart(MultipartException ex) {
		if (ex.getCause() instanceof ParleyException rule) {
			return ErrorResponses.of(rule.code());
		}
		return ErrorResponses.of(ErrorCode.INVALID_REQUEST_SCHEMA);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiResponse> methodNotAllowed() {
		return ErrorResponses.of(ErrorCode.METHOD_NOT_ALLOWED);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiResponse> unsupportedMediaType() {
		return ErrorResponses.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ApiResponse> notAcceptable() {
		return ErrorResponses.of(ErrorCode.NOT_ACCEPTABLE);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiResponse> unexpected(Exception ex) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// the client went away mid-answer: nobody is left to answer, nothing is wrong
			// here
			log.debug("A client disconnected before its answer was written: {}", ex.getMessage());
			return null;
		}
		log.error("Unexpected failure of a request", ex);
		return ErrorResponses.of(ErrorCode.INTERNAL_ERROR);
	}

}
