package io.parley.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EncryptionTests {

	private static final byte[] PLAIN = "a totp seed".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path folder;

	@Test
	void aSealedValueOpensOnlyForItsContext() {
		Encryption encryption = new Encryption("", new DataDirectory(this.folder.toString()));

		String sealed = encryption.seal(PLAIN, "user:1");

		assertThat(encryption.open(sealed, "user:1")).isEqualTo(PLAIN);
		assertThat(sealed).isNotEqualTo(encryption.seal(PLAIN, "user:1"));
		assertThatIllegalStateException().isThrownBy(() -> encryption.open(sealed, "user:2"));
	}

	@Test
	void aGeneratedKeyIsKeptInTheDataFolderAndUsedAgain() throws Exception {
		String sealed = new Encryption("", new DataDirectory(this.folder.toString())).seal(PLAIN, "c");

		Encryption restarted = new Encryption("", new DataDirectory(this.folder.toString()));

		assertThat(restarted.open(sealed, "c")).isEqualTo(PLAIN);
		assertThat(Base64.getDecoder().decode(Files.readString(this.folder.resolve("encryption-key")).trim()))
			.hasSize(32);
	}

	@Test
	void theConfiguredKeyIsUsedAndAnotherKeyCannotOpen() {
		byte[] key = new byte[32];
		key[0] = 7;
		Encryption configured = new Encryption(Base64.getEncoder().encodeToString(key),
				new DataDirectory(this.folder.toString()));
		String sealed = configured.seal(PLAIN, "c");

		Encryption generated = new Encryption("", new DataDirectory(this.folder.toString()));

		assertThat(Files.exists(this.folder.resolve("encryption-key"))).isTrue();
		assertThatIllegalStateException().isThrownBy(() -> generated.open(sealed, "c"));
	}

	@Test
	void aKeyOfTheWrongLengthStopsTheStartWithoutShowingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new Encryption("c2hvcnQta2V5", new DataDirectory(this.folder.toString())))
			.withMessageNotContaining("c2hvcnQta2V5")
			.withMessageContaining("32 bytes");
	}

}
