package io.parley.widget;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of a workspace's allowed domains, and the browser origins it admits:
 * <ul>
 * <li>a host, {@code acme.com}: exactly {@code https://acme.com} (port 443);</li>
 * <li>a host under a wildcard, {@code *.acme.com}: every subdomain of it over https, such
 * as {@code https://www.acme.com}, but not {@code acme.com} itself;</li>
 * <li>an origin, {@code http://localhost:3000} or {@code https://acme.com:8443}: exactly
 * that scheme, host and port (a default port may be left out).</li>
 * </ul>
 * Hosts compare ignoring case; paths are not part of an entry.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host in lower case, without the {@code *.} of a wildcard
 * @param port the port, the scheme's default when none is written
 * @param subdomains whether the entry is a wildcard for the host's subdomains
 */
public record AllowedOrigin(String scheme, String host, int port, boolean subdomains) {

	/** The longest entry, as a host name may be. */
	public static final int MAX_LENGTH = 253;

	private static final Pattern HOST = Pattern
		.compile("^(\\*\\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$");

	/** The entry as written in the settings; empty when it is none of the three forms. */
	public static Optional<AllowedOrigin> parse(String entry) {
		if (entry == null || entry.isBlank() || entry.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		String text = entry.trim().toLowerCase(Locale.ROOT);
		if (!text.contains("://")) {
			if (!HOST.matcher(text).matches()) {
				return Optional.empty();
			}
			boolean wildcard = text.startsWith("*.");
			if (wildcard && text.indexOf('.', 2) < 0) {
				// a wildcard over a whole top-level domain (*.com) admits everyone
				return Optional.empty();
			}
			return Optional.of(new AllowedOrigin("https", wildcard ? text.substring(2) : text, 443, wildcard));
		}
		return origin(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
	}

	/**
	 * A browser's {@code Origin} header as scheme, host and port; empty for {@code null},
	 * an opaque origin ({@code "null"}) or anything that is not an http(s) origin.
	 */
	public static Optional<AllowedOrigin> origin(String origin) {
		if (origin == null || origin.length() > MAX_LENGTH + 20) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(origin.trim().toLowerCase(Locale.ROOT));
			String scheme = uri.getScheme();
			String host = uri.getHost();
			if (!("http".equals(scheme) || "https".equals(scheme)) || host == null || uri.getRawUserInfo() != null
					|| !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
					|| uri.getRawFragment() != null) {
				return Optional.empty();
			}
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
			return Optional.of(new AllowedOrigin(scheme, host, port, false));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether a browser origin (as {@link #origin} reads it) is one this entry admits.
	 */
	public boolean admits(AllowedOrigin origin) {
		if (!this.scheme.equals(origin.scheme) || this.port != origin.port) {
			return false;
		}
		return this.subdomains ? origin.host.endsWith("." + this.host) : this.host.equals(origin.host);
	}

	/** The entry as a {@code frame-ancestors} source. */
	public String source() {
		boolean defaultPort = this.port == ("https".equals(this.scheme) ? 443 : 80);
		return this.scheme + "://" + (this.subdomains ? "*." : "") + this.host + (defaultPort ? "" : ":" + this.port);
	}

}
