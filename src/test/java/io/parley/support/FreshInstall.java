package io.parley.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.parley.ParleyApplication;
import io.parley.system.DatabaseUrl;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Parley started on a database of its own, as on the day it is installed: a fresh H2
 * database, or on PostgreSQL a fresh schema of the test database, dropped on close. For
 * what only a fresh install shows (its first admin), since the suite's shared application
 * has had one since its first test.
 */
public final class FreshInstall implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String schema;

	private FreshInstall(ConfigurableApplicationContext context, String schema) {
		this.context = context;
		this.schema = schema;
	}

	/** Starts Parley; {@code properties} as {@code name=value}. */
	public static FreshInstall start(String... properties) {
		String schema = TestDatabase.isPostgres()
				? "fresh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT)
				: null;
		List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
		for (String property : TestDatabase.properties(TestDatabase.newDataDirectory())) {
			arguments.add("--" + ((schema != null && property.startsWith("parley.database-url="))
					? "parley.database-url=" + inSchema(TestDatabase.url(), schema) : property));
		}
		if (schema != null) {
			arguments.add("--spring.flyway.schemas=" + schema);
		}
		for (String property : properties) {
			arguments.add("--" + property);
		}
		try {
			return new FreshInstall(
					new SpringApplicationBuilder(ParleyApplication.class).run(arguments.toArray(String[]::new)),
					schema);
		}
		catch (RuntimeException ex) {
			dropSchema(schema);
			throw ex;
		}
	}

	public int port() {
		return this.context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public Api api() {
		return new Api(port());
	}

	@Override
	public void close() {
		this.context.close();
		dropSchema(this.schema);
	}

	private static void dropSchema(String schema) {
		if (schema != null) {
			DatabaseUrl url = DatabaseUrl.parse(TestDatabase.url());
			try (Connection connection = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	private static String inSchema(String url, String schema) {
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

}
