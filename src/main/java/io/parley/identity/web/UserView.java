package io.parley.identity.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.parley.identity.Role;
import io.parley.identity.UserAccount;

@JsonPropertyOrder({ "_id", "name", "email", "role" })
record UserView(@JsonProperty("_id") String id, String name, String email, Role role) {

	static UserView of(UserAccount account) {
		return new UserView(account.id().toString(), account.name(), account.email(), account.role());
	}

}
