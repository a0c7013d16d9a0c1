package io.parley.widget;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllowedOriginTests {

	@Test
	void aHostAdmitsItsHttpsOriginOnly() {
		assertThat(admits("acme.com", "https://acme.com")).isTrue();
		assertThat(admits("acme.com", "https://ACME.com:443")).isTrue();
		assertThat(admits("acme.com", "http://acme.com")).isFalse();
		assertThat(admits("acme.com", "https://www.acme.com")).isFalse();
		assertThat(admits("acme.com", "https://acme.com.evil.example")).isFalse();
		assertThat(admits("acme.com", "https://acme.com:8443")).isFalse();
	}

	@Test
	void aWildcardAdmitsSubdomainsButNotTheHostItself() {
		assertThat(admits("*.acme.com", "https://www.acme.com")).isTrue();
		assertThat(admits("*.acme.com", "https://a.b.acme.com")).isTrue();
		assertThat(admits("*.acme.com", "https://acme.com")).isFalse();
		assertThat(admits("*.acme.com", "https://evilacme.com")).isFalse();
		assertThat(AllowedOrigin.parse("*.com")).as("a wildcard over a top-level domain").isEmpty();
	}

	@Test
	void anOriginAdmitsExactlyItsSchemeHostAndPort() {
		assertThat(admits("http://localhost:3000", "http://localhost:3000")).isTrue();
		assertThat(admits("http://localhost:3000/", "http://localhost:3000")).isTrue();
		assertThat(admits("http://localhost:3000", "http://localhost:3001")).isFalse();
		assertThat(admits("http://localhost:3000", "https://localhost:3000")).isFalse();
		assertThat(admits("https://acme.com:443", "https://acme.com")).isTrue();
	}

	@Test
	void opaqueAndMalformedOriginsAreAdmittedByNoEntry() {
		assertThat(AllowedOrigin.origin("null")).isEmpty();
		assertThat(AllowedOrigin.origin("https://acme.com/path")).isEmpty();
		assertThat(AllowedOrigin.origin("javascript:alert(1)")).isEmpty();
		assertThat(AllowedOrigins.admits(List.of(AllowedOrigin.parse("acme.com").orElseThrow()), Optional.empty()))
			.isFalse();
		assertThat(AllowedOrigins.admits(List.of(), Optional.empty())).isTrue();
	}

	private static boolean admits(String entry, String origin) {
		return AllowedOrigin.parse(entry).orElseThrow().admits(AllowedOrigin.origin(origin).orElseThrow());
	}

}
