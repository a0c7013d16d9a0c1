package io.parley.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TotpCodesTests {

	/** RFC 6238, appendix B: the SHA-1 seed. */
	private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void theRfcTestVectorsMatchTheirTimeStep() {
		// 94287082 and 07081804 with eight digits; authenticator apps show the last six
		assertThat(TotpCodes.matchingStep(RFC_SEED, "287082", Instant.ofEpochSecond(59))).hasValue(1);
		assertThat(TotpCodes.matchingStep(RFC_SEED, "081804", Instant.ofEpochSecond(1111111109)))
			.hasValue(1111111109 / 30);
	}

	@Test
	void theStepsBeforeAndAfterAreAcceptedAndNoOthers() {
		Instant step1 = Instant.ofEpochSecond(59);

		assertThat(TotpCodes.matchingStep(RFC_SEED, "287082", step1.plusSeconds(30))).hasValue(1);
		assertThat(TotpCodes.matchingStep(RFC_SEED, "287082", step1.minusSeconds(30))).hasValue(1);
		assertThat(TotpCodes.matchingStep(RFC_SEED, "287082", step1.plusSeconds(60))).isEmpty();
	}

	@Test
	void anythingButSixDigitsIsNoCode() {
		Instant at = Instant.ofEpochSecond(59);

		assertThat(TotpCodes.matchingStep(RFC_SEED, "94287082", at)).isEmpty();
		assertThat(TotpCodes.matchingStep(RFC_SEED, "28708", at)).isEmpty();
		assertThat(TotpCodes.matchingStep(RFC_SEED, "２８７０８２", at)).isEqualTo(OptionalLong.empty());
	}

	@Test
	void base32IsRfc4648WithoutPadding() {
		assertThat(Base32.encode("".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
		assertThat(Base32.encode("foob".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YQ");
		assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(Base32.decode("mzxw6ytboi======")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
		assertThat(Base32.decode(Base32.encode(RFC_SEED))).isEqualTo(RFC_SEED);
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZ1"));
	}

}
