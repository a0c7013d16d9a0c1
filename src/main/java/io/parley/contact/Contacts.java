package io.parley.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.workspace.WorkspaceId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Contacts {

	static final String COLUMNS = "id, workspace_id, user_id, name, email, phone, session_id, external_id, "
			+ "attributes, " + "first_seen_at, last_seen_at";

	private final JdbcClient jdbc;

	Contacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Contact contact) {
		try {
			this.jdbc
				.sql("INSERT INTO contacts (" + COLUMNS + ") VALUES (:id, :workspace, :user, :name, :email, "
						+ ":phone, :session, :external, :attributes, :firstSeen, :lastSeen)")
				.param("id", contact.id().value())
				.param("workspace", contact.workspaceId().value())
				.param("user", UserId.valueOf(contact.userId()))
				.param("name", contact.name())
				.param("email", contact.email())
				.param("phone", contact.phone())
				.param("session", contact.sessionId())
				.param("external", contact.externalId())
				.param("attributes", contact.attributes())
				.param("firstSeen", contact.firstSeenAt().atOffset(ZoneOffset.UTC))
				.param("lastSeen", contact.lastSeenAt().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.CONTACT_ALREADY_EXISTS.exception();
		}
	}

	Optional<Contact> find(WorkspaceId workspace, ContactId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = ? AND id = ?")
			.params(workspace.value(), id.value())
			.query(Contacts::map)
			.optional();
	}

	/** The contact, locked against concurrent edits until the transaction ends. */
	Optional<Contact> lock(WorkspaceId workspace, ContactId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = ? AND id = ? FOR UPDATE")
			.params(workspace.value(), id.value())
			.query(Contacts::map)
			.optional();
	}

	/**
	 * Stores the details staff may change.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONTACT_ALREADY_EXISTS}
	 * when another contact of the workspace has the email or phone
	 */
	void save(Contact contact) {
		try {
			this.jdbc
				.sql("UPDATE contacts SET name = :name, email = :email, phone = :phone, attributes = :attributes "
						+ "WHERE workspace_id = :workspace AND id = :id")
				.param("name", contact.name())
				.param("email", contact.email())
				.param("phone", contact.phone())
				.param("attributes", contact.attributes())
				.param("workspace", contact.workspaceId().value())
				.param("id", contact.id().value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.CONTACT_ALREADY_EXISTS.exception();
		}
	}

	/** Moves the contact's last sighting forward to {@code at}, never back. */
	void seen(WorkspaceId workspace, ContactId id, Instant at) {
		this.jdbc
			.sql("UPDATE contacts SET last_seen_at = :at WHERE workspace_id = :workspace AND id = :id "
					+ "AND last_seen_at < :at")
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("workspace", workspace.value())
			.param("id", id.value())
			.update();
	}

	Optional<Contact> findByUser(WorkspaceId workspace, UserId user) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = ? AND user_id = ?")
			.params(workspace.value(), user.value())
			.query(Contacts::map)
			.optional();
	}

	Optional<Contact> findByPhone(WorkspaceId workspace, String phone) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = ? AND phone = ?")
			.params(workspace.value(), phone)
			.query(Contacts::map)
			.optional();
	}

	Optional<Contact> findByEmail(WorkspaceId workspace, String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = ? AND email = ?")
			.params(workspace.value(), email)
			.query(Contacts::map)
			.optional();
	}

	Optional<Contact> findBySession(WorkspaceId workspace, String session) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = ? AND session_id = ?")
			.params(workspace.value(), session)
			.query(Contacts::map)
			.optional();
	}

	Optional<Contact> findByExternalId(WorkspaceId workspace, String externalId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM contacts WHERE workspace_id = ? AND external_id = ?")
			.params(workspace.value(), externalId)
			.query(Contacts::map)
			.optional();
	}

	/** Links a contact known by email to the login that now has that email. */
	void linkUser(ContactId id, UserId user) {
		this.jdbc.sql("UPDATE contacts SET user_id = ? WHERE id = ?").params(user.value(), id.value()).update();
	}

	static Contact map(ResultSet row, int number) throws SQLException {
		return new Contact(new ContactId(row.getObject("id", UUID.class)),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)),
				UserId.ofValue(row.getObject("user_id", UUID.class)), row.getString("name"), row.getString("email"),
				row.getString("phone"), row.getString("session_id"), row.getString("external_id"),
				row.getString("attributes"), row.getObject("first_seen_at", OffsetDateTime.class).toInstant(),
				row.getObject("last_seen_at", OffsetDateTime.class).toInstant());
	}

}
