package io.parley.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The envelope of every JSON response: {@code {"success":true,"data":...}} or
 * {@code {"success":false,"error":"..."}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "success", "data", "error" })
public record ApiResponse(boolean success, Object data, String error) {

	public static ApiResponse ok(Object data) {
		return new ApiResponse(true, data, null);
	}

	public static ApiResponse failure(String error) {
		return new ApiResponse(false, null, error);
	}

}
