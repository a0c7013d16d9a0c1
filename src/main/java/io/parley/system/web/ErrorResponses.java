package io.parley.system.web;

import io.parley.system.ApiResponse;
import io.parley.system.ErrorCode;

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

}
