package io.parley.widget;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The widget's visible texts, from the message bundle {@code i18n/widget}: English by
 * default, German ({@code de}); a language without a bundle gets English, a key missing
 * from a language its English text.
 */
@Component
public class WidgetTexts {

	static final String BUNDLE = "i18n.widget";

	/** The languages with a bundle of their own. */
	public static final Set<String> LANGUAGES = Set.of("en", "de");

	/**
	 * Every text for the language tag (such as {@code de}, {@code de-AT}, {@code en}).
	 */
	public Map<String, String> of(String languageTag) {
		ResourceBundle bundle;
		try {
			bundle = ResourceBundle.getBundle(BUNDLE, locale(languageTag),
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		}
		catch (MissingResourceException ex) {
			return Map.of();
		}
		Map<String, String> texts = new TreeMap<>();
		for (String key : bundle.keySet()) {
			texts.put(key, bundle.getString(key));
		}
		return texts;
	}

	/** The language to answer in: the tag's when it has a bundle, else English. */
	public static Locale locale(String languageTag) {
		if (languageTag == null || languageTag.length() > 35
				|| !languageTag.matches("^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$")) {
			return Locale.ROOT;
		}
		String language = Locale.forLanguageTag(languageTag.replace('_', '-')).getLanguage();
		return LANGUAGES.contains(language) && !"en".equals(language) ? new Locale(language) : Locale.ROOT;
	}

}
