package io.parley.identity;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The built-in roles of seed 003.
 */
public enum Role {

	ADMIN, SUPERVISOR, AGENT, CANDIDATE;

	private final String value = name().toLowerCase(Locale.ROOT);

	/**
	 * The role as the API writes it: {@code admin}, {@code supervisor}, {@code agent},
	 * {@code candidate}.
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	public boolean grants(Permission permission) {
		return permission.isGrantedTo(this);
	}

	public static Optional<Role> parse(String value) {
		for (Role role : values()) {
			if (role.value.equals(value)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

}
