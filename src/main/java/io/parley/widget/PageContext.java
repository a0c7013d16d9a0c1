package io.parley.widget;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a visitor was when they wrote (seed 004's page context): the page and where it
 * was reached from, as the widget tells them, and the browser's user agent, address and
 * language, as the request shows them. Every part may be {@code null}.
 */
public record PageContext(String pageUrl, String referrer, String locale, String userAgent, String ip) {

	/** The longest URL kept, as the conversations' column holds. */
	public static final int MAX_URL_LENGTH = 2000;

	/** The context as a JSON-ready object, without its missing parts. */
	Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		put(map, "pageUrl", this.pageUrl);
		put(map, "referrer", this.referrer);
		put(map, "locale", this.locale);
		put(map, "userAgent", this.userAgent);
		put(map, "ip", this.ip);
		return map;
	}

	private static void put(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

}
