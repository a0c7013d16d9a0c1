package io.parley.identity;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Looks up users for other modules.
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

	/** The user named by a raw id from a request; empty when no user has it. */
	public Optional<UserAccount> find(String id) {
		return UserId.parse(id).flatMap(this::find);
	}

}
