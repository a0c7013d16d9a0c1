package io.parley.widget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.parley.contact.Contact;
import io.parley.system.ErrorCode;
import io.parley.widget.FirstMessage.Fields;

/**
 * The pre-chat form's answers checked against the workspace's form: a field the form does
 * not ask may still come from the host page's user ({@code setUser}), a required one must
 * be given now or be known of the contact already (their second conversation asks nothing
 * again). Custom fields the form does not have are ignored.
 */
record PreChatAnswers(String name, String email, String phone, Map<String, Object> custom) {

	static final int MAX_NAME_LENGTH = 200;

	static final int MAX_EMAIL_LENGTH = 254;

	static final int MAX_CUSTOM_LENGTH = 500;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	/**
	 * @param known the visitor's contact, or {@code null} before their first message
	 * @param knownAttributes its attributes, where an anonymous visitor's email and phone
	 * are kept ({@code givenEmail}, {@code givenPhone}, decision 60)
	 */
	static PreChatAnswers check(PreChat form, Fields fields, Contact known, Map<String, Object> knownAttributes) {
		String name = given(form.name(), fields.name(), (known != null) ? known.name() : null, MAX_NAME_LENGTH);
		String email = given(form.email(), fields.email(),
				(known != null) ? or(known.email(), knownAttributes.get(Contact.GIVEN_EMAIL)) : null, MAX_EMAIL_LENGTH);
		if (email != null && !EMAIL.matcher(email).matches()) {
			throw ErrorCode.PRE_CHAT_FIELD_REQUIRED.exception();
		}
		String phone = given(form.phone(), fields.phone(),
				(known != null) ? or(known.phone(), knownAttributes.get(Contact.GIVEN_PHONE)) : null, 40);
		Map<String, Object> custom = new LinkedHashMap<>();
		Map<String, String> answers = (fields.custom() != null) ? fields.custom() : Map.of();
		for (PreChat.CustomField field : form.custom()) {
			String value = answers.get(field.key());
			if (value != null && !value.isBlank()) {
				if (value.length() > MAX_CUSTOM_LENGTH) {
					throw ErrorCode.PRE_CHAT_FIELD_REQUIRED.exception();
				}
				custom.put(field.key(), value.trim());
			}
			else if (field.required() && !knownAttributes.containsKey(field.key())) {
				throw ErrorCode.PRE_CHAT_FIELD_REQUIRED.exception();
			}
		}
		return new PreChatAnswers(name, email, phone, custom);
	}

	private static Object or(String column, Object attribute) {
		return (column != null) ? column : attribute;
	}

	/** The answer to keep, or {@code null}; refused when required and unknown. */
	private static String given(String mode, String value, Object known, int maxLength) {
		String answer = (value != null && !value.isBlank()) ? value.trim() : null;
		if (answer != null && answer.length() > maxLength) {
			throw ErrorCode.PRE_CHAT_FIELD_REQUIRED.exception();
		}
		if (answer == null && PreChat.REQUIRED.equals(mode) && known == null) {
			throw ErrorCode.PRE_CHAT_FIELD_REQUIRED.exception();
		}
		return answer;
	}

}
