package io.parley.canned;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.parley.system.ErrorCode;

/**
 * Where a page of canned responses ends, in their order by shortcut and then id: the last
 * one's key, an opaque base64url text for clients.
 */
record CannedResponseCursor(String shortcut, UUID id) {

	static CannedResponseCursor after(CannedResponse response) {
		return new CannedResponseCursor(response.shortcut(), response.id().value());
	}

	String encode() {
		String plain = this.shortcut + "," + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return empty for none ({@code null} or empty: the first page)
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for anything {@link #encode()} did not write
	 */
	static Optional<CannedResponseCursor> parse(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return Optional.empty();
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(",", -1);
			if (parts.length == 2 && CannedResponse.isShortcut(parts[0])) {
				UUID id = UUID.fromString(parts[1]);
				if (id.toString().equals(parts[1])) {
					return Optional.of(new CannedResponseCursor(parts[0], id));
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// malformed: answered below
		}
		throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
	}

}
