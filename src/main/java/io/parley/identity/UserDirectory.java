package io.parley.identity;

import io.parley.workspace.SignUp;

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
		return this.users.findByEmail(SignUp.normalizeEmail(email)).map(User::account);
	}

}
