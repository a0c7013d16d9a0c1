package io.parley.dashboard.web;

import java.util.Locale;

import io.parley.system.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A settings form refused for what was typed in it (a value out of bounds, a shortcut
 * taken): the page comes again with the status the API would answer and the reason beside
 * the field, instead of the error page. Refusals of the caller's role stay the error page
 * ({@link DashboardErrors}).
 */
@Component
class FormRefusal {

	private final MessageSource messages;

	FormRefusal(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * The error's own text ({@code error.CODE} of the bundle, or the API's) by the field.
	 */
	FormErrors because(ErrorCode code, String field, Model model, HttpServletResponse response) {
		response.setStatus(code.status());
		return errors(model).put(field, text("error." + code.name(), code.text()));
	}

	/** A text of the bundle beside the field, with the status of the error. */
	FormErrors because(ErrorCode code, String field, String key, Model model, HttpServletResponse response) {
		response.setStatus(code.status());
		return errors(model).put(field, text(key, code.text()));
	}

	/** A text of the bundle beside the field, with 400. */
	FormErrors invalid(String field, String key, Model model, HttpServletResponse response) {
		response.setStatus(ErrorCode.INVALID_REQUEST_SCHEMA.status());
		return errors(model).put(field, text(key, key));
	}

	private FormErrors errors(Model model) {
		if (model.getAttribute("errors") instanceof FormErrors errors) {
			return errors;
		}
		FormErrors errors = new FormErrors();
		model.addAttribute("errors", errors);
		return errors;
	}

	private String text(String key, String fallback) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, null, fallback, locale);
	}

}
