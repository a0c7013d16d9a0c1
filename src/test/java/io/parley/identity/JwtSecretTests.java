package io.parley.identity;

import io.parley.ParleyApplication;
import io.parley.support.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class JwtSecretTests {

	@Test
	void aSecretShorterThan32BytesStopsTheStart() {
		Throwable failure = catchThrowable(
				() -> new SpringApplicationBuilder(ParleyApplication.class).run("--server.port=0",
						"--parley.data-dir=" + TestDatabase.newDataDirectory(), "--parley.jwt.secret=short"));

		assertThat(failure).as("the start must fail").isNotNull();
		assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(IllegalStateException.class)
			.hasMessage("PARLEY_JWT_SECRET must be at least 32 bytes long");
	}

}
