package io.parley.workspace.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.parley.identity.UserAccount;

/**
 * Seed 003's user, exactly: the role is the one held in the workspace the token acts in.
 */
@JsonPropertyOrder({ "_id", "name", "email", "role" })
record UserView(@JsonProperty("_id") String id, String name, String email, String role) {

	static UserView of(UserAccount account, String role) {
		return new UserView(account.id().toString(), account.name(), account.email(), role);
	}

}
