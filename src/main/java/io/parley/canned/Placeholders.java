package io.parley.canned;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a canned response's placeholders (decision 82): {@code {{contact.name}}},
 * {@code {{contact.email}}}, {@code {{agent.name}}} and {@code {{workspace.name}}},
 * spaces inside the braces allowed. Plain text in, plain text out: nothing is escaped or
 * interpreted, and a filled value is never read again for placeholders, so a contact
 * named {@code {{agent.name}}} is shown as named.
 */
final class Placeholders {

	static final String CONTACT_NAME = "contact.name";

	static final String CONTACT_EMAIL = "contact.email";

	static final String AGENT_NAME = "agent.name";

	static final String WORKSPACE_NAME = "workspace.name";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z]+\\.[a-z]+)\\s*}}");

	private Placeholders() {
	}

	/**
	 * @param values the known placeholders' values, {@code null} for one that is missing
	 * (it renders as nothing); a placeholder not among them is left as written
	 */
	static String fill(String body, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(body);
		StringBuilder filled = new StringBuilder(body.length());
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = values.containsKey(name) ? values.get(name) : matcher.group();
			matcher.appendReplacement(filled, Matcher.quoteReplacement((value != null) ? value : ""));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

}
