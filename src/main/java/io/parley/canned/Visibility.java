package io.parley.canned;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who sees a canned response (decision 81). */
public enum Visibility {

	/** Every member of the workspace who uses canned responses. */
	SHARED,

	/** Its owner only. */
	PRIVATE;

	private final String value = name().toLowerCase(Locale.ROOT);

	@JsonValue
	public String value() {
		return this.value;
	}

	public static Optional<Visibility> parse(String value) {
		for (Visibility visibility : values()) {
			if (visibility.value.equals(value)) {
				return Optional.of(visibility);
			}
		}
		return Optional.empty();
	}

}
