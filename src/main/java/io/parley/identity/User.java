package io.parley.identity;

import java.time.Instant;

public record User(UserId id, String name, String email, String passwordHash, Instant createdAt) {

	public UserAccount account() {
		return new UserAccount(this.id, this.name, this.email);
	}

}
