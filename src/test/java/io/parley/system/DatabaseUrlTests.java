package io.parley.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DatabaseUrlTests {

	@Test
	void aPostgresUrlBecomesAJdbcUrlWithSeparateCredentials() {
		DatabaseUrl url = DatabaseUrl.parse("postgres://parley:s%40cret@db.internal:6543/support?sslmode=require");

		assertThat(url.jdbcUrl())
			.isEqualTo("jdbc:postgresql://db.internal:6543/support?sslmode=require&reWriteBatchedInserts=true");
		assertThat(url.username()).isEqualTo("parley");
		assertThat(url.password()).isEqualTo("s@cret");
	}

	@Test
	void thePortDefaultsTo5432() {
		assertThat(DatabaseUrl.parse("postgresql://u@localhost/test").jdbcUrl())
			.isEqualTo("jdbc:postgresql://localhost:5432/test?reWriteBatchedInserts=true");
	}

	@Test
	void aJdbcUrlIsKeptButLosesItsPassword() {
		DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/test?user=app&password=hunter2&ssl=false");

		assertThat(url.jdbcUrl())
			.isEqualTo("jdbc:postgresql://localhost/test?user=app&ssl=false&reWriteBatchedInserts=true");
		assertThat(url.password()).isEqualTo("hunter2");
		assertThat(url.toString()).doesNotContain("hunter2");
		assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/test").password()).isNull();
	}

	@Test
	void anExplicitBatchSettingIsKept() {
		assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/test?reWriteBatchedInserts=false").jdbcUrl())
			.isEqualTo("jdbc:postgresql://localhost/test?reWriteBatchedInserts=false");
		assertThat(DatabaseUrl.parse("jdbc:h2:mem:x").jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
	}

	@Test
	void otherSchemesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("mysql://localhost/test"));
	}

}
