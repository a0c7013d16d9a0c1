package io.parley.identity;

import java.time.Instant;

record User(UserId id, String name, String email, String passwordHash, Instant createdAt) {

	UserAccount account() {
		return new UserAccount(this.id, this.name, this.email);
	}

}
