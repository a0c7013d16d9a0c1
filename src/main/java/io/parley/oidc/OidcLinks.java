package io.parley.oidc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Parley accounts linked to a provider's accounts. The primary key keeps one provider
 * account on one Parley account, under races too.
 */
@Repository
class OidcLinks {

	private final JdbcClient jdbc;

	OidcLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserId> find(String provider, String subject) {
		return this.jdbc.sql("SELECT user_id FROM oidc_links WHERE provider = ? AND subject = ?")
			.param(provider)
			.param(subject)
			.query(UUID.class)
			.optional()
			.map(UserId::new);
	}

	/**
	 * Links the user's account to the provider's, in place of an earlier link of theirs
	 * to that provider.
	 * @return false when the provider's account is linked to another user
	 */
	boolean link(String provider, String subject, UserId user, Instant now) {
		Optional<UserId> linked = find(provider, subject);
		if (linked.isPresent()) {
			return linked.get().equals(user);
		}
		this.jdbc.sql("DELETE FROM oidc_links WHERE user_id = ? AND provider = ?")
			.param(user.value())
			.param(provider)
			.update();
		try {
			this.jdbc.sql("INSERT INTO oidc_links (provider, subject, user_id, linked_at) VALUES (?, ?, ?, ?)")
				.param(provider)
				.param(subject)
				.param(user.value())
				.param(now.atOffset(ZoneOffset.UTC))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			// linked at the same moment by someone else
			return find(provider, subject).filter(user::equals).isPresent();
		}
	}

	/**
	 * @return whether the user had a link to the provider
	 */
	boolean unlink(String provider, UserId user) {
		return this.jdbc.sql("DELETE FROM oidc_links WHERE user_id = ? AND provider = ?")
			.param(user.value())
			.param(provider)
			.update() > 0;
	}

}
