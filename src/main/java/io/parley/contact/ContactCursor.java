package io.parley.contact;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;

/**
 * Where a page of contacts ends: the last contact's {@code lastSeenAt} and id, the sort
 * key of the list. Clients see it as an opaque base64url text.
 */
record ContactCursor(Instant lastSeenAt, ContactId id) {

	static ContactCursor after(Contact contact) {
		return new ContactCursor(contact.lastSeenAt(), contact.id());
	}

	String encode() {
		String plain = this.lastSeenAt + "," + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for anything {@link #encode()} did not write
	 */
	static ContactCursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(",", -1);
			Optional<ContactId> id = (parts.length == 2) ? ContactId.parse(parts[1]) : Optional.empty();
			// UUID.fromString also takes shortened forms; only what encode() wrote is a
			// cursor
			if (id.isPresent() && id.get().toString().equals(parts[1])) {
				Instant lastSeenAt = Instant.parse(parts[0]);
				if (Timestamps.isStorable(lastSeenAt)) {
					return new ContactCursor(lastSeenAt, id.get());
				}
			}
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			// malformed: answered below
		}
		throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
	}

}
