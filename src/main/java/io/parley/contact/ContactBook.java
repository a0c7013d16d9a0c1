package io.parley.contact;

import java.time.Clock;
import java.util.List;

import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's view of the workspace's contacts: list and search them, record one, read
 * and edit one. The web adapter checks the caller's permission; every query here is
 * scoped to the caller's workspace, so another workspace's contact is not found.
 */
@Service
public class ContactBook {

	public static final int DEFAULT_PAGE_SIZE = 25;

	private final Contacts contacts;

	private final ContactSearch search;

	private final Clock clock;

	ContactBook(Contacts contacts, ContactSearch search, Clock clock) {
		this.contacts = contacts;
		this.search = search;
		this.clock = clock;
	}

	/**
	 * @param text a case-insensitive part of the name, email or phone; blank or
	 * {@code null} lists all
	 * @param cursor a page's {@code nextCursor}; empty or {@code null} for the first page
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not hand out
	 */
	@Transactional(readOnly = true)
	public ContactPage list(Caller caller, String text, String cursor, int limit) {
		caller.require(Permission.MANAGE_CONTACTS);
		ContactCursor after = (cursor != null && !cursor.isEmpty()) ? ContactCursor.decode(cursor) : null;
		String filter = (text != null && !text.isBlank()) ? text.trim() : null;
		// one more than asked tells whether a next page exists
		List<Contact> found = this.search.find(caller.workspaceId(), filter, after, limit + 1);
		if (found.size() <= limit) {
			return new ContactPage(found, null);
		}
		List<Contact> page = found.subList(0, limit);
		return new ContactPage(List.copyOf(page), ContactCursor.after(page.get(limit - 1)).encode());
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONTACT_ALREADY_EXISTS}
	 * when a contact of the workspace has the email or phone
	 */
	@Transactional
	public Contact add(Caller caller, ContactDetails details) {
		caller.require(Permission.MANAGE_CONTACTS);
		Contact contact = Contact.record(caller.workspaceId(), details, Timestamps.now(this.clock));
		this.contacts.add(contact);
		return contact;
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONTACT_NOT_FOUND}
	 */
	@Transactional(readOnly = true)
	public Contact get(Caller caller, String id) {
		caller.require(Permission.MANAGE_CONTACTS);
		return ContactId.parse(id)
			.flatMap((contactId) -> this.contacts.find(caller.workspaceId(), contactId))
			.orElseThrow(ErrorCode.CONTACT_NOT_FOUND::exception);
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONTACT_NOT_FOUND},
	 * {@link ErrorCode#CONTACT_ALREADY_EXISTS}, or
	 * {@link ErrorCode#CONTACT_IDENTIFIER_REQUIRED} when nothing would be left to know
	 * the contact by
	 */
	@Transactional
	public Contact edit(Caller caller, String id, ContactEdit edit) {
		caller.require(Permission.MANAGE_CONTACTS);
		Contact contact = ContactId.parse(id)
			.flatMap((contactId) -> this.contacts.lock(caller.workspaceId(), contactId))
			.orElseThrow(ErrorCode.CONTACT_NOT_FOUND::exception);
		Contact edited = contact.edit(edit);
		this.contacts.save(edited);
		return edited;
	}

}
