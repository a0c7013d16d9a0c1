package io.parley.contact;

import java.time.Instant;

import io.parley.identity.UserId;

/**
 * What a member of the staff wrote down about a contact (seed 002's visitor notes).
 * Customers never see notes.
 */
public record ContactNote(ContactNoteId id, ContactId contactId, UserId authorId, String content, Instant createdAt) {

	public boolean isBy(UserId user) {
		return this.authorId.equals(user);
	}

}
