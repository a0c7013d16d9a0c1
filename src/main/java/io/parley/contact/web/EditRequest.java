package io.parley.contact.web;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonSetter;
import io.parley.contact.ContactEdit;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /api/contacts/{id}}. A class with setters rather than a
 * record: a record cannot tell a field left out (keep the value) from a field set to
 * {@code null} (clear it), and the setters can.
 */
final class EditRequest {

	@Size(min = 1, max = 200)
	private String name;

	@Email
	@Size(min = 3, max = 254)
	private String email;

	@Size(max = 40)
	private String phone;

	private JsonNode attributes;

	private boolean nameGiven;

	private boolean emailGiven;

	private boolean phoneGiven;

	@JsonSetter
	void setName(String name) {
		this.name = name;
		this.nameGiven = true;
	}

	@JsonSetter
	void setEmail(String email) {
		this.email = email;
		this.emailGiven = true;
	}

	@JsonSetter
	void setPhone(String phone) {
		this.phone = phone;
		this.phoneGiven = true;
	}

	/** An explicit {@code null} arrives as a JSON null node: not an object, refused. */
	@JsonSetter
	void setAttributes(JsonNode attributes) {
		this.attributes = attributes;
	}

	ContactEdit edit() {
		return new ContactEdit(given(this.nameGiven, this.name), given(this.emailGiven, this.email),
				given(this.phoneGiven, this.phone),
				(this.attributes != null) ? Attributes.serialize(this.attributes) : null);
	}

	private static Optional<String> given(boolean given, String value) {
		return given ? Optional.ofNullable(value) : null;
	}

}
