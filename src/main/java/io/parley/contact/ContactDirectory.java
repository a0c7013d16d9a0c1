package io.parley.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.parley.identity.UserAccount;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.system.Timestamps;
import io.parley.workspace.WorkspaceId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the contacts conversations are with, for other modules, and notes when a contact
 * shows up.
 */
@Service
public class ContactDirectory {

	private final Contacts contacts;

	/** The insert of a new contact, in a savepoint of the caller's transaction. */
	private final TransactionTemplate savepoint;

	private final Clock clock;

	ContactDirectory(Contacts contacts, PlatformTransactionManager transactions, Clock clock) {
		this.contacts = contacts;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
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
	 * theirs, otherwise one is created. Two requests of the same candidate may race to
	 * create it (two conversations started at once); the one that loses uses the
	 * winner's, so that it fails, if at all, for what it asked (one active conversation),
	 * not for a contact it never meant to create.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Contact ofUser(WorkspaceId workspace, UserAccount user) {
		return this.contacts.findByUser(workspace, user.id()).orElseGet(() -> {
			Optional<Contact> byEmail = this.contacts.findByEmail(workspace, user.email());
			if (byEmail.isPresent()) {
				this.contacts.linkUser(byEmail.get().id(), user.id());
				return byEmail.get().linkTo(user.id());
			}
			Instant now = Timestamps.now(this.clock);
			Contact contact = new Contact(ContactId.random(), workspace, user.id(), user.name(), user.email(), null,
					null, null, "{}", now, now);
			try {
				// a savepoint: on PostgreSQL a failed insert would abort the whole
				// transaction
				this.savepoint.executeWithoutResult((status) -> this.contacts.add(contact));
			}
			catch (ParleyException ex) {
				if (ex.code() != ErrorCode.CONTACT_ALREADY_EXISTS) {
					throw ex;
				}
				return this.contacts.findByUser(workspace, user.id()).orElseThrow(() -> ex);
			}
			return contact;
		});
	}

	/** An anonymous widget visitor's contact, by the visitor id their browser keeps. */
	public Optional<Contact> findBySession(WorkspaceId workspace, String sessionId) {
		return this.contacts.findBySession(workspace, sessionId);
	}

	/** A verified widget visitor's contact, by the host site's id for them. */
	public Optional<Contact> findByExternalId(WorkspaceId workspace, String externalId) {
		return this.contacts.findByExternalId(workspace, externalId);
	}

	/**
	 * The contact of a widget visitor, created at their first message: known by the host
	 * site's id when it vouched for them, else by the browser's visitor id. Nothing else
	 * links a visitor to an existing contact: an email typed into a form proves nothing.
	 * Two first messages racing create one contact.
	 * @param externalId the verified host-site id, or {@code null}
	 * @param name the name to show, or {@code null}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Contact ofVisitor(WorkspaceId workspace, String sessionId, String externalId, String name) {
		Optional<Contact> existing = (externalId != null) ? this.contacts.findByExternalId(workspace, externalId)
				: this.contacts.findBySession(workspace, sessionId);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = Timestamps.now(this.clock);
		Contact contact = new Contact(ContactId.random(), workspace, null, Identifiers.name(name), null, null,
				(externalId != null) ? null : sessionId, externalId, "{}", now, now);
		try {
			this.savepoint.executeWithoutResult((status) -> this.contacts.add(contact));
		}
		catch (ParleyException ex) {
			if (ex.code() != ErrorCode.CONTACT_ALREADY_EXISTS) {
				throw ex;
			}
			return ((externalId != null) ? this.contacts.findByExternalId(workspace, externalId)
					: this.contacts.findBySession(workspace, sessionId))
				.orElseThrow(() -> ex);
		}
		return contact;
	}

	/**
	 * What a widget visitor told about themselves (the pre-chat form, the host page's
	 * user and attributes), stored on their own contact: a given name, email or phone
	 * replaces the contact's, {@code attributes} (a JSON object) replaces theirs. An
	 * email or phone that another contact of the workspace has already is not taken from
	 * it, nor does it merge the two (decision 60): it is kept in the attributes the
	 * caller passes in place ({@code attributesWithoutIdentifiers}), and the chat goes
	 * on.
	 * @return the contact as stored
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Contact describeVisitor(WorkspaceId workspace, ContactId id, String name, String email, String phone,
			String attributes, String attributesWithoutIdentifiers) {
		Contact current = this.contacts.lock(workspace, id).orElseThrow(ErrorCode.CONTACT_NOT_FOUND::exception);
		String givenEmail = Identifiers.email(email);
		String givenPhone = (phone != null) ? Identifiers.phone(phone) : null;
		boolean taken = (givenEmail != null && this.contacts.findByEmail(workspace, givenEmail)
			.filter((other) -> !other.id().equals(id))
			.isPresent())
				|| (givenPhone != null && this.contacts.findByPhone(workspace, givenPhone)
					.filter((other) -> !other.id().equals(id))
					.isPresent());
		Contact described = describe(current, name, taken ? current.email() : or(givenEmail, current.email()),
				taken ? current.phone() : or(givenPhone, current.phone()),
				taken ? attributesWithoutIdentifiers : attributes);
		try {
			this.savepoint.executeWithoutResult((status) -> this.contacts.save(described));
			return described;
		}
		catch (ParleyException ex) {
			if (ex.code() != ErrorCode.CONTACT_ALREADY_EXISTS) {
				throw ex;
			}
			// another contact took the email or phone meanwhile
			Contact kept = describe(current, name, current.email(), current.phone(), attributesWithoutIdentifiers);
			this.contacts.save(kept);
			return kept;
		}
	}

	private static Contact describe(Contact contact, String name, String email, String phone, String attributes) {
		return new Contact(contact.id(), contact.workspaceId(), contact.userId(),
				(name != null) ? Identifiers.name(name) : contact.name(), email, phone, contact.sessionId(),
				contact.externalId(), (attributes != null) ? attributes : contact.attributes(), contact.firstSeenAt(),
				contact.lastSeenAt());
	}

	private static String or(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * The contact with this email, created with the name when the workspace has none (an
	 * offline message, a mail). Racing creations of the same contact end with one. Unlike
	 * {@link #ofVisitor}, it gives the caller no access to anything of the contact's: it
	 * only tells the staff who wrote (decision 75).
	 * @param name the name to create it with, or {@code null}; an existing contact keeps
	 * its own
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a malformed email or name
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Contact byEmail(WorkspaceId workspace, String email, String name) {
		String address = Identifiers.email(email);
		if (address == null || !Identifiers.isEmail(address)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		String shown = (name != null && !name.isBlank()) ? Identifiers.name(name) : null;
		if (shown != null && shown.length() > Identifiers.MAX_NAME_LENGTH) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return this.contacts.findByEmail(workspace, address).orElseGet(() -> {
			Instant now = Timestamps.now(this.clock);
			Contact contact = new Contact(ContactId.random(), workspace, null, shown, address, null, null, null, "{}",
					now, now);
			try {
				this.savepoint.executeWithoutResult((status) -> this.contacts.add(contact));
			}
			catch (ParleyException ex) {
				if (ex.code() != ErrorCode.CONTACT_ALREADY_EXISTS) {
					throw ex;
				}
				return this.contacts.findByEmail(workspace, address).orElseThrow(() -> ex);
			}
			return contact;
		});
	}

	/**
	 * The customer showed up (wrote a message, opened the widget): the contact moves to
	 * the top of the staff's list. Nothing happens for a contact of another workspace.
	 */
	@Transactional
	public void seen(WorkspaceId workspace, ContactId id) {
		this.contacts.seen(workspace, id, Timestamps.now(this.clock));
	}

}
