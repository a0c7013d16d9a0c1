package io.parley.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.parley.system.DataDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The HS256 signing key: {@code PARLEY_JWT_SECRET} when set, otherwise a random secret
 * generated once and kept in the data folder so that tokens survive a restart.
 */
@Configuration(proxyBeanMethods = false)
class JwtKeys {

	static final int MIN_SECRET_BYTES = 32;

	@Bean
	SecretKey jwtSigningKey(@Value("${parley.jwt.secret:}") String secret, DataDirectory dataDirectory) {
		byte[] bytes = (secret.isEmpty() ? storedSecret(dataDirectory.resolve("jwt-secret"))
				: secret.getBytes(StandardCharsets.UTF_8));
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException("PARLEY_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
		return NimbusJwtEncoder.withSecretKey(jwtSigningKey).algorithm(MacAlgorithm.HS256).build();
	}

	/**
	 * Expiry is checked on the application's clock, the one tokens are issued on, with no
	 * leeway: a token's {@code expiresAt} is when it stops working (nodes keep their
	 * clocks in step; clients refresh before it).
	 */
	@Bean
	JwtDecoder jwtDecoder(SecretKey jwtSigningKey, Clock clock) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
		expiry.setClock(clock);
		decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(expiry));
		return decoder;
	}

	private static byte[] storedSecret(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] random = new byte[48];
				new SecureRandom().nextBytes(random);
				Path temporary = Files.createTempFile(file.getParent(), "jwt-secret", ".tmp");
				restrictToOwner(temporary);
				Files.writeString(temporary, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
				try {
					Files.move(temporary, file);
				}
				catch (IOException raced) {
					Files.deleteIfExists(temporary);
				}
			}
			return Files.readString(file).trim().getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the token secret in " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the folder's own permissions protect it
		}
	}

}
