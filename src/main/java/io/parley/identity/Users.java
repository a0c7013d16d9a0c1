package io.parley.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.parley.system.ErrorCode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Users {

	private static final String COLUMNS = "id, name, email, password_hash, created_at";

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(User user) {
		try {
			this.jdbc.sql("INSERT INTO users (" + COLUMNS + ") VALUES (:id, :name, :email, :hash, :at)")
				.param("id", user.id().value())
				.param("name", user.name())
				.param("email", user.email())
				.param("hash", user.passwordHash())
				.param("at", user.createdAt().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.EMAIL_ALREADY_EXISTS.exception();
		}
	}

	public Optional<User> find(UserId id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
			.param(id.value())
			.query(Users::map)
			.optional();
	}

	public Optional<User> findByEmail(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?")
			.param(email)
			.query(Users::map)
			.optional();
	}

	public boolean existsByEmail(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single() > 0;
	}

	private static User map(ResultSet row, int number) throws SQLException {
		return new User(new UserId(row.getObject("id", UUID.class)), row.getString("name"), row.getString("email"),
				row.getString("password_hash"), row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
