package io.parley.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a page of a list ends, for lists ordered by a time and then an id (oldest first):
 * the last item's key. The next page is what comes after it, cut by key and not by
 * offset, so items added or removed while a client pages neither repeat nor hide others.
 * Clients see it as an opaque base64url text.
 */
public record PageCursor(Instant at, UUID id) {

	public String encode() {
		String plain = this.at + "," + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The cursor a client sent; empty for none ({@code null} or empty: the first page).
	 * @throws ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA} for anything
	 * {@link #encode()} did not write
	 */
	public static Optional<PageCursor> parse(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(decode(cursor));
	}

	/**
	 * The SQL condition, starting with {@code AND}, that keeps the rows after the cursor
	 * in the order {@code ORDER BY at, id}; empty for the first page. {@link #bind} sets
	 * its parameters.
	 */
	public static String condition(PageCursor after, String atColumn, String idColumn) {
		if (after == null) {
			return "";
		}
		return " AND (" + atColumn + " > :afterAt OR (" + atColumn + " = :afterAt AND " + idColumn + " > :afterId))";
	}

	public static JdbcClient.StatementSpec bind(PageCursor after, JdbcClient.StatementSpec query) {
		if (after == null) {
			return query;
		}
		return query.param("afterAt", after.at().atOffset(ZoneOffset.UTC)).param("afterId", after.id());
	}

	private static PageCursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(",", -1);
			if (parts.length == 2) {
				UUID id = UUID.fromString(parts[1]);
				Instant at = Instant.parse(parts[0]);
				// UUID.fromString also takes shortened forms; only what encode() wrote is
				// a cursor
				if (id.toString().equals(parts[1]) && Timestamps.isStorable(at)) {
					return new PageCursor(at, id);
				}
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			// malformed: answered below
		}
		throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
	}

}
