package io.parley.email;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * An HTML mail made safe (OWASP Java HTML Sanitizer: no scripts, styles, event handlers
 * or remote images) and then turned into the text Parley stores: user content is text,
 * never HTML.
 */
final class SafeHtml {

	private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
		.allowElements("p", "br", "div", "span", "b", "i", "u", "em", "strong", "ul", "ol", "li", "blockquote", "pre",
				"a", "table", "tr", "td", "th", "h1", "h2", "h3", "h4")
		.allowAttributes("href")
		.onElements("a")
		.allowStandardUrlProtocols()
		.toFactory();

	private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-4]|blockquote|pre)>");

	private static final Pattern NUMBERED = Pattern.compile("&#(\\d{1,6});");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private SafeHtml() {
	}

	static String sanitize(String html) {
		return POLICY.sanitize(html);
	}

	static String toText(String html) {
		String text = TAG.matcher(BREAK.matcher(sanitize(html)).replaceAll("\n")).replaceAll("");
		text = NUMBERED
			.matcher(text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " "))
			.replaceAll((entity) -> java.util.regex.Matcher
				.quoteReplacement(Character.toString(Integer.parseInt(entity.group(1)))))
			.replace("&amp;", "&");
		return text.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

}
