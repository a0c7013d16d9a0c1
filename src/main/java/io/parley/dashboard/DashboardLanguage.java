package io.parley.dashboard;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.parley.identity.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The dashboard's language: the member's choice, kept for their account and copied into
 * their browser session when they sign in, or else the browser's. Only languages the
 * dashboard has texts for are offered. Parley's other answers do not depend on it.
 */
@Component("localeResolver")
public class DashboardLanguage implements LocaleResolver {

	/** The languages of {@code i18n/dashboard*.properties}. */
	public static final List<String> LANGUAGES = List.of("en", "de");

	static final String ATTRIBUTE = "parley.dashboard.language";

	private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

	private final JdbcClient jdbc;

	DashboardLanguage(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.browser.setSupportedLocales(LANGUAGES.stream().map(Locale::forLanguageTag).toList());
		this.browser.setDefaultLocale(Locale.ENGLISH);
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		@Nullable HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(ATTRIBUTE) instanceof String language) {
			return Locale.forLanguageTag(language);
		}
		return this.browser.resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		throw new UnsupportedOperationException("the language is chosen with choose(...)");
	}

	/** The member's chosen language, if they chose one. */
	public Optional<String> of(UserId user) {
		return this.jdbc.sql("SELECT language FROM dashboard_languages WHERE user_id = :user")
			.param("user", user.value())
			.query(String.class)
			.optional();
	}

	/** Puts the member's chosen language, if any, into their new browser session. */
	public void signedIn(HttpServletRequest request, UserId user) {
		of(user).ifPresent((language) -> request.getSession().setAttribute(ATTRIBUTE, language));
	}

	/**
	 * Keeps the member's choice and applies it to this session at once.
	 * @return {@code false} for a language the dashboard has no texts for
	 */
	public boolean choose(HttpServletRequest request, UserId user, String language) {
		if (!LANGUAGES.contains(language)) {
			return false;
		}
		int updated = this.jdbc.sql("UPDATE dashboard_languages SET language = :language WHERE user_id = :user")
			.param("language", language)
			.param("user", user.value())
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("INSERT INTO dashboard_languages (user_id, language) VALUES (:user, :language)")
					.param("user", user.value())
					.param("language", language)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// chosen at the same moment elsewhere: the other choice stands
			}
		}
		request.getSession().setAttribute(ATTRIBUTE, language);
		return true;
	}

}
