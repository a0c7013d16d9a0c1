package io.parley.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.parley.system.ErrorCode;
import io.parley.system.PageCursor;

/**
 * Where a page of roles ends. The list holds the built-in roles in their fixed order,
 * then the custom ones oldest first; so the cursor names a built-in role, or is a custom
 * role's {@link PageCursor}. Clients see both as opaque base64url texts.
 *
 * @param builtIn the last role of the page if it is built in, else {@code null}
 * @param custom the last role's key if it is a custom one, else {@code null}
 */
record RoleCursor(Role builtIn, PageCursor custom) {

	private static final String BUILT_IN = "role,";

	static RoleCursor after(Role role) {
		return new RoleCursor(role, null);
	}

	static RoleCursor after(CustomRole role) {
		return new RoleCursor(null, new PageCursor(role.createdAt(), role.id().value()));
	}

	String encode() {
		if (this.custom != null) {
			return this.custom.encode();
		}
		String plain = BUILT_IN + this.builtIn.value();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for anything {@link #encode()} did not write
	 */
	static Optional<RoleCursor> parse(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return Optional.empty();
		}
		String plain;
		try {
			plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		if (plain.startsWith(BUILT_IN)) {
			return Optional.of(Role.parse(plain.substring(BUILT_IN.length()))
				.map(RoleCursor::after)
				.orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception));
		}
		return PageCursor.parse(cursor).map((custom) -> new RoleCursor(null, custom));
	}

}
