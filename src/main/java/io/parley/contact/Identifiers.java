package io.parley.contact;

import java.util.Locale;
import java.util.regex.Pattern;

import io.parley.system.ErrorCode;

/**
 * Normal forms of a contact's details, so that one customer is one contact however their
 * email or phone was typed. Each maps {@code null} to {@code null}.
 */
final class Identifiers {

	private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-.()]");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,20}");

	/** One {@code @} between a local part and a domain with a dot, and no blanks. */
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_EMAIL_LENGTH = 254;

	private Identifiers() {
	}

	static String name(String name) {
		if (name == null) {
			return null;
		}
		if (name.isBlank()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return name.trim();
	}

	static String email(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : null;
	}

	/** Whether a normal-form email looks like an address mail can be sent to. */
	static boolean isEmail(String email) {
		return email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches();
	}

	/**
	 * Digits with an optional leading {@code +}; spaces, dashes, dots and parentheses go.
	 */
	static String phone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = withoutSeparators(phone);
		if (!PHONE.matcher(digits).matches()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return digits;
	}

	static String withoutSeparators(String phone) {
		return PHONE_SEPARATORS.matcher(phone).replaceAll("");
	}

}
