package io.parley.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest: AES-256-GCM through Tink (decision 53). The key is
 * {@code PARLEY_ENCRYPTION_KEY} (32 bytes in base64) when set, otherwise a random key
 * generated once and kept in the data folder, like the token secret. Each value is sealed
 * for a context (the row it belongs to), so a sealed value copied to another row does not
 * open there.
 */
@Component
public class Encryption {

	static final int KEY_BYTES = 32;

	static final String KEY_FILE = "encryption-key";

	private final Aead aead;

	Encryption(@Value("${parley.encryption.key:}") String key, DataDirectory dataDirectory) {
		byte[] bytes = decode(key.isBlank() ? storedKey(dataDirectory.resolve(KEY_FILE)) : key.trim());
		try {
			AesGcmParameters parameters = AesGcmParameters.builder()
				.setKeySizeBytes(KEY_BYTES)
				.setIvSizeBytes(12)
				.setTagSizeBytes(16)
				.setVariant(AesGcmParameters.Variant.NO_PREFIX)
				.build();
			this.aead = AesGcmJce.create(AesGcmKey.builder()
				.setParameters(parameters)
				.setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
				.build());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the encryption key", ex);
		}
	}

	/** {@code plain} encrypted for {@code context}, in base64. */
	public String seal(byte[] plain, String context) {
		try {
			return Base64.getEncoder().encodeToString(this.aead.encrypt(plain, bytes(context)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was not sealed for this context with
	 * this key
	 */
	public byte[] open(String sealed, String context) {
		try {
			return this.aead.decrypt(Base64.getDecoder().decode(sealed), bytes(context));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot decrypt a stored value: was PARLEY_ENCRYPTION_KEY changed?", ex);
		}
	}

	private static byte[] bytes(String context) {
		return context.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] decode(String key) {
		byte[] bytes;
		try {
			bytes = (key.contains("-") || key.contains("_")) ? Base64.getUrlDecoder().decode(key)
					: Base64.getDecoder().decode(key);
		}
		catch (IllegalArgumentException ex) {
			bytes = new byte[0];
		}
		if (bytes.length != KEY_BYTES) {
			// the key itself is never part of the message
			throw new IllegalStateException(
					"PARLEY_ENCRYPTION_KEY must be " + KEY_BYTES + " bytes in base64 (openssl rand -base64 32)");
		}
		return bytes;
	}

	private static String storedKey(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] random = new byte[KEY_BYTES];
				new SecureRandom().nextBytes(random);
				Path temporary = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
				try {
					Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system: the folder's own permissions protect it
				}
				Files.writeString(temporary, Base64.getEncoder().encodeToString(random));
				try {
					Files.move(temporary, file);
				}
				catch (IOException raced) {
					Files.deleteIfExists(temporary);
				}
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the encryption key in " + file, ex);
		}
	}

}
