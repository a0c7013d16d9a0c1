package io.parley.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import io.parley.identity.Authenticators.Authenticator;
import io.parley.system.ErrorCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's second factor (seed 002): a TOTP authenticator (RFC 6238), set up with a
 * code from it, and ten single-use backup codes. Each TOTP code is accepted once: a code
 * of a time step no later than the last one used is a replay.
 */
@Service
public class TwoFactor {

	private final Authenticators authenticators;

	private final BackupCodes backupCodes;

	private final Users users;

	private final Clock clock;

	private final String issuer;

	TwoFactor(Authenticators authenticators, BackupCodes backupCodes, Users users, Clock clock,
			@Value("${parley.two-factor.issuer}") String issuer) {
		this.authenticators = authenticators;
		this.backupCodes = backupCodes;
		this.users = users;
		this.clock = clock;
		this.issuer = issuer;
	}

	/**
	 * A new seed, pending until {@link #confirm confirmed}; it replaces a pending one.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#TWO_FACTOR_ALREADY_ON}
	 */
	// no transaction: a concurrent start's insert is caught and answered with an update
	public TwoFactorEnrolment start(UserId user) {
		User account = this.users.find(user).orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
		byte[] seed = TotpCodes.newSeed();
		if (!this.authenticators.startPending(user, seed, this.clock.instant())) {
			throw ErrorCode.TWO_FACTOR_ALREADY_ON.exception();
		}
		String secret = Base32.encode(seed);
		String label = encode(this.issuer) + ":" + encode(account.email());
		return new TwoFactorEnrolment(secret,
				"otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(this.issuer)
						+ "&algorithm=SHA1&digits=" + TotpCodes.DIGITS + "&period=" + TotpCodes.STEP.getSeconds());
	}

	/**
	 * Turns the pending seed on with a current code from it.
	 * @return the backup codes, shown this once
	 * @throws io.parley.system.ParleyException {@link ErrorCode#TWO_FACTOR_NOT_STARTED},
	 * {@link ErrorCode#TWO_FACTOR_ALREADY_ON}, {@link ErrorCode#INVALID_TWO_FACTOR_CODE}
	 */
	@Transactional
	public List<String> confirm(UserId user, String code) {
		Authenticator authenticator = this.authenticators.find(user)
			.orElseThrow(ErrorCode.TWO_FACTOR_NOT_STARTED::exception);
		if (authenticator.enabled()) {
			throw ErrorCode.TWO_FACTOR_ALREADY_ON.exception();
		}
		Instant now = this.clock.instant();
		OptionalLong step = TotpCodes.matchingStep(authenticator.seed(), code.trim(), now);
		if (step.isEmpty() || !this.authenticators.enable(user, step.getAsLong(), now)) {
			throw ErrorCode.INVALID_TWO_FACTOR_CODE.exception();
		}
		return this.backupCodes.replace(user);
	}

	/**
	 * Turns the second factor off with a current code or a backup code.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#TWO_FACTOR_NOT_ON},
	 * {@link ErrorCode#INVALID_TWO_FACTOR_CODE}
	 */
	@Transactional
	public void disable(UserId user, String code) {
		if (!isEnabled(user)) {
			throw ErrorCode.TWO_FACTOR_NOT_ON.exception();
		}
		if (!verify(user, code)) {
			throw ErrorCode.INVALID_TWO_FACTOR_CODE.exception();
		}
		this.authenticators.delete(user);
		this.backupCodes.deleteAll(user);
	}

	/**
	 * Ten new backup codes in place of those left, for a current code or an unused backup
	 * code.
	 * @return the new backup codes, shown this once
	 * @throws io.parley.system.ParleyException {@link ErrorCode#TWO_FACTOR_NOT_ON},
	 * {@link ErrorCode#INVALID_TWO_FACTOR_CODE}
	 */
	@Transactional
	public List<String> replaceBackupCodes(UserId user, String code) {
		if (!isEnabled(user)) {
			throw ErrorCode.TWO_FACTOR_NOT_ON.exception();
		}
		if (!verify(user, code)) {
			throw ErrorCode.INVALID_TWO_FACTOR_CODE.exception();
		}
		return this.backupCodes.replace(user);
	}

	public boolean isEnabled(UserId user) {
		return this.authenticators.isEnabled(user);
	}

	/** Backup codes not used yet; 0 without a second factor. */
	public int backupCodesLeft(UserId user) {
		return isEnabled(user) ? this.backupCodes.remaining(user) : 0;
	}

	/**
	 * Whether {@code code} is a current TOTP code not used before, or an unused backup
	 * code, of the account's enabled second factor; either is spent by this.
	 */
	@Transactional
	public boolean verify(UserId user, String code) {
		Authenticator authenticator = this.authenticators.find(user).filter(Authenticator::enabled).orElse(null);
		if (authenticator == null) {
			return false;
		}
		String given = code.trim();
		Instant now = this.clock.instant();
		if (TotpCodes.looksLikeCode(given)) {
			OptionalLong step = TotpCodes.matchingStep(authenticator.seed(), given, now);
			return step.isPresent() && this.authenticators.useStep(user, step.getAsLong());
		}
		return this.backupCodes.use(user, given, now);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
