package io.parley.contact;

import java.util.Optional;

import io.parley.identity.UserAccount;
import io.parley.identity.WorkspaceId;
import io.parley.system.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the contacts conversations are with, for other modules, and notes when a contact
 * shows up.
 */
@Service
public class ContactDirectory {

	private final Contacts contacts;

	ContactDirectory(Contacts contacts) {
		this.contacts = contacts;
	}

	public Optional<Contact> find(WorkspaceId workspace, ContactId id) {
		return this.contacts.find(workspace, id);
	}

	/** The raw id of a request; empty when no contact of the workspace has it. */
	public Optional<Contact> find(WorkspaceId workspace, String id) {
		return ContactId.parse(id).flatMap((contactId) -> find(workspace, contactId));
	}

	/**
	 * The contact a candidate's login stands for: a contact with their email becomes
	 * theirs, otherwise one is created.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Contact ofUser(WorkspaceId workspace, UserAccount user) {
		return this.contacts.findByUser(workspace, user.id()).orElseGet(() -> {
			Optional<Contact> byEmail = this.contacts.findByEmail(workspace, user.email());
			if (byEmail.isPresent()) {
				this.contacts.linkUser(byEmail.get().id(), user.id());
				return byEmail.get().linkTo(user.id());
			}
			Contact contact = new Contact(ContactId.random(), workspace, user.id(), user.name(), user.email(), null,
					null, "{}", Timestamps.now(), Timestamps.now());
			this.contacts.add(contact);
			return contact;
		});
	}

	/**
	 * The customer showed up (wrote a message, opened the widget): the contact moves to
	 * the top of the staff's list. Nothing happens for a contact of another workspace.
	 */
	@Transactional
	public void seen(WorkspaceId workspace, ContactId id) {
		this.contacts.seen(workspace, id, Timestamps.now());
	}

}
