package io.parley.widget;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What the widget asks a visitor before their first message: the name, email and phone
 * each {@code off}, {@code optional} or {@code required}, and the workspace's own fields.
 */
public record PreChat(@Pattern(regexp = "^(off|optional|required)$") String name,
		@Pattern(regexp = "^(off|optional|required)$") String email,
		@Pattern(regexp = "^(off|optional|required)$") String phone,
		@Size(max = 20) List<@NotNull @Valid CustomField> custom) {

	public static final String OFF = "off";

	public static final String OPTIONAL = "optional";

	public static final String REQUIRED = "required";

	/**
	 * A field of the workspace's own, kept in the contact's attributes under its key.
	 */
	public record CustomField(@NotBlank @Size(max = 50) @Pattern(regexp = "^[A-Za-z][A-Za-z0-9_]*$") String key,
			@NotBlank @Size(max = 100) String label, boolean required) {
	}

}
