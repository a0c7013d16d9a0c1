package io.parley.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the database is: a JDBC URL with optional credentials. Accepts both the
 * {@code postgres://user:pass@host:port/db} form that hosting platforms hand out and
 * plain JDBC URLs.
 *
 * @param jdbcUrl the JDBC URL, without credentials when they came in the URL's user info
 * @param username the user, or {@code null} to let the driver decide
 * @param password the password, or {@code null}
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("([?&])password=([^&]*)&?");

	/**
	 * The embedded H2 database in the data folder; every commit reaches the file before
	 * it returns.
	 */
	public static DatabaseUrl embedded(DataDirectory dataDirectory) {
		String file = dataDirectory.resolve("parley").toString().replace('\\', '/');
		return new DatabaseUrl("jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
	}

	/** Whether this is a PostgreSQL database (else the embedded H2). */
	public boolean isPostgres() {
		return this.jdbcUrl.startsWith("jdbc:postgresql:");
	}

	/**
	 * What each new connection runs first: no statement waits for a lock, or runs, longer
	 * than the limits, so no writer or request hangs on the database.
	 */
	String sessionLimits(Duration statementTimeout, Duration lockTimeout) {
		if (isPostgres()) {
			return "SET statement_timeout = " + statementTimeout.toMillis() + "; SET lock_timeout = "
					+ lockTimeout.toMillis();
		}
		return "SET LOCK_TIMEOUT " + lockTimeout.toMillis() + "; SET QUERY_TIMEOUT " + statementTimeout.toMillis();
	}

	public static DatabaseUrl parse(String url) {
		if (url.startsWith("jdbc:")) {
			return withoutPasswordParameter(withBatchedInserts(url));
		}
		URI uri = URI.create(url);
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalArgumentException("DATABASE_URL must be a postgres:// URL or a JDBC URL");
		}
		String username = null;
		String password = null;
		if (uri.getRawUserInfo() != null) {
			String[] parts = uri.getRawUserInfo().split(":", 2);
			username = decode(parts[0]);
			password = (parts.length > 1) ? decode(parts[1]) : null;
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : 5432;
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
		return new DatabaseUrl(withBatchedInserts(jdbcUrl), username, password);
	}

	/**
	 * Keeps a password given as a URL parameter out of the URL, which drivers and pools
	 * log.
	 */
	private static DatabaseUrl withoutPasswordParameter(String url) {
		Matcher password = PASSWORD_PARAMETER.matcher(url);
		if (!password.find()) {
			return new DatabaseUrl(url, null, null);
		}
		String rest = url.substring(0, password.start()) + password.group(1) + url.substring(password.end());
		rest = rest.replace("?&", "?").replace("&&", "&");
		if (rest.endsWith("?") || rest.endsWith("&")) {
			rest = rest.substring(0, rest.length() - 1);
		}
		return new DatabaseUrl(rest, null, decode(password.group(2)));
	}

	/**
	 * Lets the PostgreSQL driver send a batch of inserts as multi-row statements: the
	 * messages of a group commit then cost the database one statement instead of one each
	 * (see docs/benchmarks.md).
	 */
	private static String withBatchedInserts(String url) {
		if (!url.startsWith("jdbc:postgresql:") || url.contains("reWriteBatchedInserts=")) {
			return url;
		}
		return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "DatabaseUrl[" + this.jdbcUrl + "]";
	}

}
