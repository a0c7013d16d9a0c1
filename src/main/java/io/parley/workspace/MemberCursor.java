package io.parley.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;

/**
 * Where a page of members ends: the last member's join date and user id, the sort key of
 * the list. Clients see it as an opaque base64url text.
 */
record MemberCursor(Instant joinedAt, UserId userId) {

	static MemberCursor after(Member member) {
		return new MemberCursor(member.joinedAt(), member.userId());
	}

	String encode() {
		String plain = this.joinedAt + "," + this.userId;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for anything {@link #encode()} did not write
	 */
	static MemberCursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(",", -1);
			Optional<UserId> id = (parts.length == 2) ? UserId.parse(parts[1]) : Optional.empty();
			// UUID.fromString also takes shortened forms; only what encode() wrote is a
			// cursor
			if (id.isPresent() && id.get().toString().equals(parts[1])) {
				Instant joinedAt = Instant.parse(parts[0]);
				if (Timestamps.isStorable(joinedAt)) {
					return new MemberCursor(joinedAt, id.get());
				}
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			// malformed: answered below
		}
		throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
	}

}
