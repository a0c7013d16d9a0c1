package io.parley.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.system.PageCursor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notes on contacts. Callers reach a note through its contact, which they have
 * already found in their workspace.
 */
@Repository
class ContactNotes {

	private static final String COLUMNS = "id, contact_id, author_id, content, created_at";

	private final JdbcClient jdbc;

	ContactNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(ContactNote note) {
		this.jdbc.sql("INSERT INTO contact_notes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")
			.params(note.id().value(), note.contactId().value(), note.authorId().value(), note.content(),
					note.createdAt().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Up to {@code limit} notes, oldest first, after {@code after} ({@code null} for the
	 * first page).
	 */
	List<ContactNote> page(ContactId contact, PageCursor after, int limit) {
		JdbcClient.StatementSpec query = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM contact_notes WHERE contact_id = :contact"
					+ PageCursor.condition(after, "created_at", "id") + " ORDER BY created_at, id LIMIT :limit")
			.param("contact", contact.value())
			.param("limit", limit);
		return PageCursor.bind(after, query).query(ContactNotes::map).list();
	}

	Optional<ContactNote> find(ContactId contact, ContactNoteId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM contact_notes WHERE contact_id = ? AND id = ?")
			.params(contact.value(), id.value())
			.query(ContactNotes::map)
			.optional();
	}

	void remove(ContactNote note) {
		this.jdbc.sql("DELETE FROM contact_notes WHERE id = ?").param(note.id().value()).update();
	}

	private static ContactNote map(ResultSet row, int number) throws SQLException {
		return new ContactNote(new ContactNoteId(row.getObject("id", UUID.class)),
				new ContactId(row.getObject("contact_id", UUID.class)),
				new UserId(row.getObject("author_id", UUID.class)), row.getString("content"),
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
