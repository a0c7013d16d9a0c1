package io.parley.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.parley.identity.TwoFactor;
import io.parley.identity.TwoFactorEnrolment;
import io.parley.identity.User;
import io.parley.identity.UserAccount;
import io.parley.identity.UserDirectory;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import io.parley.workspace.LogInChallenges.Challenge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The second step of a log-in (seed 002): an account with a second factor, or a staff
 * member of a workspace that requires one, gets a challenge instead of a token after the
 * password, and the token once a code from the authenticator or a backup code goes with
 * the challenge. A wrong code counts as a failed log-in of the account's address
 * (decision 42), and only a finished log-in clears those.
 */
@Service
public class TwoFactorLogIn {

	private final LogInChallenges challenges;

	private final TwoFactor twoFactor;

	private final TwoFactorRequirement requirement;

	private final Memberships memberships;

	private final UserDirectory directory;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final Clock clock;

	private final Duration lifetime;

	TwoFactorLogIn(LogInChallenges challenges, TwoFactor twoFactor, TwoFactorRequirement requirement,
			Memberships memberships, UserDirectory directory, Sessions sessions, LoginThrottle throttle, Clock clock,
			@Value("${parley.two-factor.challenge-lifetime}") Duration lifetime) {
		this.challenges = challenges;
		this.twoFactor = twoFactor;
		this.requirement = requirement;
		this.memberships = memberships;
		this.directory = directory;
		this.sessions = sessions;
		this.throttle = throttle;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** The second step the member's log-in needs after the password, if any. */
	Optional<LogInOutcome> secondStep(User user, Member member) {
		boolean enrolment;
		if (this.twoFactor.isEnabled(user.id())) {
			enrolment = false;
		}
		else if (this.requirement.mustEnrol(member)) {
			enrolment = true;
		}
		else {
			return Optional.empty();
		}
		String challenge = this.challenges.issue(member, enrolment, this.clock.instant(), this.lifetime);
		return Optional.of(LogInOutcome.secondStep(challenge, enrolment));
	}

	/**
	 * Starts setting up a second factor within a log-in the workspace requires one for.
	 * @throws ParleyException {@link ErrorCode#LOGIN_CHALLENGE_INVALID} for a challenge
	 * that is unknown, expired, out of attempts or not one of enrolment
	 */
	public TwoFactorEnrolment enrol(String challenge) {
		Challenge found = this.challenges.attempt(challenge, this.clock.instant())
			.filter(Challenge::enrolment)
			.orElseThrow(ErrorCode.LOGIN_CHALLENGE_INVALID::exception);
		return this.twoFactor.start(found.userId());
	}

	/**
	 * Finishes the log-in with a code; for an enrolment challenge, the code confirms the
	 * new second factor and its backup codes come with the token.
	 * @throws ParleyException {@link ErrorCode#LOGIN_CHALLENGE_INVALID},
	 * {@link ErrorCode#WRONG_TWO_FACTOR_CODE}, {@link ErrorCode#NO_ACTIVE_MEMBERSHIP}
	 * when the membership ended meanwhile
	 * @throws io.parley.system.RateLimitedException when the address failed too often
	 * lately
	 */
	public LogInOutcome complete(String challenge, String code) {
		Verified verified = verify(challenge, code);
		return LogInOutcome.signedIn(signIn(verified.member()), verified.backupCodes());
	}

	/**
	 * The second step without the session it ends in: checks the code, spends the
	 * challenge, and clears the address's failures. The dashboard's browser sign-in
	 * ({@link BrowserSignIn}) starts its own kind of session from it.
	 */
	Verified verify(String challenge, String code) {
		Instant now = this.clock.instant();
		Challenge found = this.challenges.attempt(challenge, now)
			.orElseThrow(ErrorCode.LOGIN_CHALLENGE_INVALID::exception);
		String email = this.directory.find(found.userId())
			.map(UserAccount::email)
			.orElseThrow(ErrorCode.LOGIN_CHALLENGE_INVALID::exception);
		this.throttle.requireAllowed(email, now);
		List<String> backupCodes = List.of();
		if (found.enrolment()) {
			backupCodes = confirm(found, code, email, now);
		}
		else if (!this.twoFactor.verify(found.userId(), code)) {
			throw failed(email, now);
		}
		Member member = this.memberships.find(found.workspaceId(), found.userId())
			.filter(Member::active)
			.orElseThrow(ErrorCode.NO_ACTIVE_MEMBERSHIP::exception);
		if (!this.challenges.spend(challenge)) {
			throw ErrorCode.LOGIN_CHALLENGE_INVALID.exception();
		}
		this.throttle.succeeded(email);
		return new Verified(member, backupCodes);
	}

	private List<String> confirm(Challenge found, String code, String email, Instant now) {
		try {
			return this.twoFactor.confirm(found.userId(), code);
		}
		catch (ParleyException ex) {
			if (ex.code() == ErrorCode.INVALID_TWO_FACTOR_CODE) {
				throw failed(email, now);
			}
			throw ex;
		}
	}

	private ParleyException failed(String email, Instant now) {
		this.throttle.failed(email, now);
		return ErrorCode.WRONG_TWO_FACTOR_CODE.exception();
	}

	/**
	 * Where the log-in ends in what {@code /auth/login} answers accounts without a second
	 * factor: kept in one place so that the session it issues stays the same as
	 * {@link LogIn}'s.
	 */
	private SessionTokens signIn(Member member) {
		return this.sessions.start(member.userId(), member.workspaceId());
	}

	/**
	 * A second step passed: the member signed in, and the backup codes of a new factor.
	 */
	record Verified(Member member, List<String> backupCodes) {
	}

}
