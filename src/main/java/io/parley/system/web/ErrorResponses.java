package io.parley.system.web;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;
import io.parley.system.RateLimitedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

final class ErrorResponses {

	private ErrorResponses() {
	}

	static ResponseEntity<ApiResponse> of(ErrorCode code) {
		return ResponseEntity.status(code.status())
			.contentType(MediaType.APPLICATION_JSON)
			.body(ApiResponse.failure(code.text()));
	}

	static ResponseEntity<ApiResponse> limited(RateLimitedException ex) {
		return ResponseEntity.status(ex.code().status())
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(ApiResponse.failure(ex.code().text()));
	}

}
