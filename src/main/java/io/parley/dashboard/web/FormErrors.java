package io.parley.dashboard.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a settings form was refused, each text beside the field it is about (in the
 * member's language), for the page that shows the form again with what was typed.
 */
public final class FormErrors {

	private final Map<String, String> fields = new LinkedHashMap<>();

	FormErrors put(String field, String text) {
		this.fields.putIfAbsent(field, text);
		return this;
	}

	/** For templates: {@code ${errors.has('name')}}. */
	public boolean has(String field) {
		return this.fields.containsKey(field);
	}

	/** The text beside the field, or {@code null} when it has none. */
	public String of(String field) {
		return this.fields.get(field);
	}

	public boolean isEmpty() {
		return this.fields.isEmpty();
	}

}
