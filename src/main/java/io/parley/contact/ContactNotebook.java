package io.parley.contact;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parley.identity.UserAccount;
import io.parley.identity.UserDirectory;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Page;
import io.parley.system.PageCursor;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Member;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.Permission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's notes on a contact (seed 002's visitor notes): read them, write one, erase
 * one's own. A note is reached through its contact, found in the caller's workspace.
 */
@Service
public class ContactNotebook {

	private final Contacts contacts;

	private final ContactNotes notes;

	private final MemberDirectory members;

	private final UserDirectory users;

	private final Clock clock;

	ContactNotebook(Contacts contacts, ContactNotes notes, MemberDirectory members, UserDirectory users, Clock clock) {
		this.contacts = contacts;
		this.notes = notes;
		this.members = members;
		this.users = users;
		this.clock = clock;
	}

	/**
	 * The contact's notes, oldest first, a page at a time.
	 * @param cursor a page's {@code nextCursor}; empty or {@code null} for the first page
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONTACT_NOT_FOUND},
	 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} for a cursor this did not hand out
	 */
	@Transactional(readOnly = true)
	public Page<Entry> notes(Caller caller, String contactId, String cursor, int limit) {
		caller.require(Permission.MANAGE_CONTACTS);
		PageCursor after = PageCursor.parse(cursor).orElse(null);
		Contact contact = contact(caller, contactId);
		Map<UserId, String> authors = new HashMap<>();
		List<ContactNote> found = this.notes.page(contact.id(), after, limit + 1);
		return Page.of(found, limit, (note) -> new PageCursor(note.createdAt(), note.id().value()))
			.map((note) -> new Entry(note, authors.computeIfAbsent(note.authorId(), (id) -> nameOf(caller, id))));
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONTACT_NOT_FOUND}
	 */
	@Transactional
	public Entry write(Caller caller, String contactId, String content) {
		caller.require(Permission.MANAGE_CONTACTS);
		Contact contact = contact(caller, contactId);
		ContactNote note = new ContactNote(ContactNoteId.random(), contact.id(), caller.userId(), content,
				Timestamps.now(this.clock));
		this.notes.add(note);
		return new Entry(note, nameOf(caller, caller.userId()));
	}

	/**
	 * Only the author erases a note: notes are a record of what colleagues knew.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONTACT_NOT_FOUND},
	 * {@link ErrorCode#NOTE_NOT_FOUND} or {@link ErrorCode#FORBIDDEN} for someone else's
	 * note
	 */
	@Transactional
	public ContactNote erase(Caller caller, String contactId, String noteId) {
		caller.require(Permission.MANAGE_CONTACTS);
		Contact contact = contact(caller, contactId);
		ContactNote note = ContactNoteId.parse(noteId)
			.flatMap((id) -> this.notes.find(contact.id(), id))
			.orElseThrow(ErrorCode.NOTE_NOT_FOUND::exception);
		if (!note.isBy(caller.userId())) {
			throw ErrorCode.FORBIDDEN.exception();
		}
		this.notes.remove(note);
		return note;
	}

	private Contact contact(Caller caller, String id) {
		return ContactId.parse(id)
			.flatMap((contactId) -> this.contacts.find(caller.workspaceId(), contactId))
			.orElseThrow(ErrorCode.CONTACT_NOT_FOUND::exception);
	}

	/** An author who has left the workspace is still named by their account. */
	private String nameOf(Caller caller, UserId author) {
		return this.members.find(caller.workspaceId(), author)
			.map(Member::name)
			.or(() -> this.users.find(author).map(UserAccount::name))
			.orElse(null);
	}

	/** A note with its author's name. */
	public record Entry(ContactNote note, String authorName) {
	}

}
