package io.parley.workspace;

import java.util.UUID;

/**
 * A session: the family of refresh tokens that one log-in started.
 */
record SessionId(UUID value) {

	static SessionId random() {
		return new SessionId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
