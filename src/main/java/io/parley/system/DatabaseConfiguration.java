package io.parley.system;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects to PostgreSQL when {@code DATABASE_URL} names one, and to the embedded H2
 * database in the data folder otherwise. Pool settings still come from
 * {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean
	DatabaseUrl databaseUrl(@Value("${parley.database-url:}") String url, DataDirectory dataDirectory) {
		return url.isBlank() ? DatabaseUrl.embedded(dataDirectory) : DatabaseUrl.parse(url.trim());
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(DatabaseUrl database,
			@Value("${parley.database.statement-timeout}") Duration statementTimeout,
			@Value("${parley.database.lock-timeout}") Duration lockTimeout) {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(database.jdbcUrl())
			.username(database.username())
			.password(database.password())
			.build();
		dataSource.setConnectionInitSql(database.sessionLimits(statementTimeout, lockTimeout));
		return dataSource;
	}

}
