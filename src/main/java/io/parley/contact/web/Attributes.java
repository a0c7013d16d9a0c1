package io.parley.contact.web;

import java.nio.charset.StandardCharsets;

import io.parley.system.ErrorCode;
import tools.jackson.databind.JsonNode;

/**
 * A contact's custom attributes as the API takes them: a JSON object of at most 16 KiB,
 * stored as its compact text.
 */
final class Attributes {

	static final int MAX_BYTES = 16 * 1024;

	private Attributes() {
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for anything but an object, or an object too large
	 */
	static String serialize(JsonNode attributes) {
		if (!attributes.isObject()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		String json = attributes.toString();
		if (json.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return json;
	}

}
