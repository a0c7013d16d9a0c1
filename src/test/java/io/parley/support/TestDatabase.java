package io.parley.support;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application under test at PostgreSQL when {@code PARLEY_TEST_DATABASE_URL}
 * is set, and at a fresh embedded H2 database in {@code target/} otherwise. Tests that
 * start Parley themselves pass {@link #properties} (or, to a separate process, the
 * matching environment variables) so that they run on the same configuration.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String ENVIRONMENT_VARIABLE = "PARLEY_TEST_DATABASE_URL";

	/**
	 * BCrypt's lowest cost: the tests sign up thousands of users, and at the default cost
	 * hashing their passwords was a large share of the suite's time.
	 */
	public static final int PASSWORD_COST = 4;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPropertyValues.of(properties(newDataDirectory())).applyTo(context);
	}

	/**
	 * The configuration for an application that keeps its files in {@code dataDirectory}.
	 */
	public static String[] properties(Path dataDirectory) {
		String[] properties = { "parley.data-dir=" + dataDirectory, "parley.database-url=" + url(),
				"parley.password.cost=" + PASSWORD_COST };
		if (!isPostgres()) {
			return properties;
		}
		// the suite caches several application contexts, each with its own pool: on
		// PostgreSQL connections are opened when needed and closed when idle, so that
		// together they stay under its 100. Not on H2: with idle connections closed, its
		// membership inserts began failing a check constraint midway through the suite
		// (not understood yet), and H2 has no connection limit to keep under.
		return new String[] { properties[0], properties[1], properties[2], "spring.datasource.hikari.minimum-idle=1",
				"spring.datasource.hikari.idle-timeout=10000" };
	}

	public static Path newDataDirectory() {
		return Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();
	}

	public static String url() {
		String url = System.getenv(ENVIRONMENT_VARIABLE);
		return (url != null) ? url : "";
	}

	public static boolean isPostgres() {
		return !url().isBlank();
	}

}
