package io.parley.contact;

import java.time.Instant;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.WorkspaceId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer of a workspace (seeds 000 and 004).
 *
 * @param userId the login of a seed-003 candidate, or {@code null}
 * @param sessionId an anonymous widget visitor's session, or {@code null}
 * @param externalId the host site's id of a verified widget visitor, or {@code null}
 * @param attributes custom attributes, a JSON object
 */
public record Contact(ContactId id, WorkspaceId workspaceId, UserId userId, String name, String email, String phone,
		String sessionId, String externalId, String attributes, Instant firstSeenAt, Instant lastSeenAt) {

	/** Where an anonymous visitor's typed email is kept, in the attributes. */
	public static final String GIVEN_EMAIL = "givenEmail";

	/** Where an anonymous visitor's typed phone is kept, in the attributes. */
	public static final String GIVEN_PHONE = "givenPhone";

	private static final JsonMapper ATTRIBUTES = JsonMapper.builder().build();

	/**
	 * A contact the staff records by hand, seen at {@code now}.
	 * @throws io.parley.system.ParleyException when a detail is malformed or neither an
	 * email nor a phone is given
	 */
	static Contact record(WorkspaceId workspace, ContactDetails details, Instant now) {
		return new Contact(ContactId.random(), workspace, null, Identifiers.name(details.name()),
				Identifiers.email(details.email()), Identifiers.phone(details.phone()), null, null,
				(details.attributes() != null) ? details.attributes() : "{}", now, now)
			.requireIdentifier();
	}

	/**
	 * This contact with the edit's details changed and the others kept.
	 * @throws io.parley.system.ParleyException when a detail is malformed or the contact
	 * would be left with nothing to know it by
	 */
	Contact edit(ContactEdit edit) {
		return new Contact(this.id, this.workspaceId, this.userId,
				(edit.name() != null) ? Identifiers.name(edit.name().orElse(null)) : this.name,
				(edit.email() != null) ? Identifiers.email(edit.email().orElse(null)) : this.email,
				(edit.phone() != null) ? Identifiers.phone(edit.phone().orElse(null)) : this.phone, this.sessionId,
				this.externalId, (edit.attributes() != null) ? edit.attributes() : this.attributes, this.firstSeenAt,
				this.lastSeenAt)
			.requireIdentifier();
	}

	/**
	 * The email to show the staff: the contact's own, or else the one an anonymous widget
	 * visitor typed, kept aside in the attributes because it proves nothing (decision
	 * 60).
	 */
	public String emailToShow() {
		return emailToShow(this.email, this.attributes);
	}

	/** {@link #emailToShow()} of a contact's columns. */
	public static String emailToShow(String email, String attributes) {
		if (email != null || attributes == null || !attributes.contains(GIVEN_EMAIL)) {
			return email;
		}
		JsonNode given = ATTRIBUTES.readTree(attributes).get(GIVEN_EMAIL);
		return (given != null && given.isString()) ? given.stringValue() : null;
	}

	Contact linkTo(UserId user) {
		return new Contact(this.id, this.workspaceId, user, this.name, this.email, this.phone, this.sessionId,
				this.externalId, this.attributes, this.firstSeenAt, this.lastSeenAt);
	}

	private Contact requireIdentifier() {
		if (this.email == null && this.phone == null && this.sessionId == null && this.userId == null
				&& this.externalId == null) {
			throw ErrorCode.CONTACT_IDENTIFIER_REQUIRED.exception();
		}
		return this;
	}

}
