package io.parley.dashboard.web;

import io.parley.system.ErrorCode;

/**
 * Why a settings form was refused, shown beside the field it concerns instead of the
 * error page: the form comes back with what was typed.
 *
 * @param field the field (or, for a row of a list, the row's id) the refusal belongs to
 */
public record FieldRefusal(String field, ErrorCode code) {

	/** For templates: {@code ${refusal?.is('email')}}. */
	public boolean is(String name) {
		return this.field.equals(name);
	}

	/** The key of its text in the dashboard's bundles. */
	public String messageKey() {
		return "error." + this.code.name();
	}

}
