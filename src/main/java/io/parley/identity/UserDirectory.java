package io.parley.identity;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Looks up user accounts for other modules.
 */
@Service
public class UserDirectory {

	private final Users users;

	UserDirectory(Users users) {
		this.users = users;
	}

	public Optional<UserAccount> find(UserId id) {
		return this.users.find(id).map(User::account);
	}

	public Optional<UserAccount> findByEmail(String email) {
		return this.users.findByEmail(normalizeEmail(email)).map(User::account);
	}

	/** An address as accounts are stored and compared: trimmed, in lower case. */
	public static String normalizeEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
