package io.parley.widget;

import java.util.Optional;

import io.parley.contact.Contact;
import io.parley.contact.ContactDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact behind a visitor: none until their first message, then one, found by the
 * host site's id when verified or else by the browser's visitor id.
 */
@Service
public class VisitorContacts {

	private final ContactDirectory contacts;

	VisitorContacts(ContactDirectory contacts) {
		this.contacts = contacts;
	}

	/** The visitor's contact; empty before their first message. */
	public Optional<Contact> find(Visitor visitor) {
		return visitor.verified() ? this.contacts.findByExternalId(visitor.workspaceId(), visitor.externalId())
				: this.contacts.findBySession(visitor.workspaceId(), visitor.visitorId());
	}

	/**
	 * The visitor's contact, created at their first message.
	 * @param name the name they gave, or {@code null}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Contact findOrCreate(Visitor visitor, String name) {
		return this.contacts.ofVisitor(visitor.workspaceId(), visitor.visitorId(), visitor.externalId(), name);
	}

}
