package io.parley.contact.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.parley.contact.Contact;
import io.parley.system.Timestamps;

/**
 * A contact as the API shows it; {@code attributes} is the stored JSON object itself.
 */
record ContactView(String id, String name, String email, String phone, String sessionId, String externalId,
		String userId, @JsonRawValue String attributes, String firstSeenAt, String lastSeenAt) {

	static ContactView of(Contact contact) {
		return new ContactView(contact.id().toString(), contact.name(), contact.email(), contact.phone(),
				contact.sessionId(), contact.externalId(),
				(contact.userId() != null) ? contact.userId().toString() : null, contact.attributes(),
				Timestamps.format(contact.firstSeenAt()), Timestamps.format(contact.lastSeenAt()));
	}

}
