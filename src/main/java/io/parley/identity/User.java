package io.parley.identity;

import java.time.Instant;

record User(UserId id, String name, String email, String passwordHash, Role role, UserId supervisorId,
		Instant createdAt) {

	UserAccount account() {
		return new UserAccount(this.id, this.name, this.email, this.role, this.supervisorId);
	}

}
