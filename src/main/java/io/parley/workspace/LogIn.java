package io.parley.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.parley.identity.Passwords;
import io.parley.identity.User;
import io.parley.identity.UserId;
import io.parley.identity.Users;
import io.parley.system.ErrorCode;

import org.springframework.stereotype.Service;

/**
 * Exchanges email and password for a session's tokens (seed 003
 * {@code POST /auth/login}).
 */
@Service
public class LogIn {

	private final Users users;

	private final Passwords passwords;

	private final Memberships memberships;

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final TwoFactorLogIn twoFactor;

	private final Clock clock;

	LogIn(Users users, Passwords passwords, Memberships memberships, Sessions sessions, LoginThrottle throttle,
			TwoFactorLogIn twoFactor, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.memberships = memberships;
		this.sessions = sessions;
		this.throttle = throttle;
		this.twoFactor = twoFactor;
		this.clock = clock;
	}

	/**
	 * @param workspace the workspace to act in; {@code null} for the user's oldest active
	 * membership
	 * @return a new session's access and refresh tokens for the user in that workspace,
	 * or the challenge of a second step ({@link TwoFactorLogIn})
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_CREDENTIALS} when
	 * no user has this email and password, {@link ErrorCode#NO_ACTIVE_MEMBERSHIP} when
	 * they have no active membership (in that workspace)
	 */
	public LogInOutcome logIn(String email, String password, WorkspaceId workspace) {
		User user = authenticate(email, password);
		Member member = this.memberships.of(user.id())
			.stream()
			.filter(Member::active)
			.filter((candidate) -> workspace == null || candidate.workspaceId().equals(workspace))
			.findFirst()
			.orElseThrow(ErrorCode.NO_ACTIVE_MEMBERSHIP::exception);
		Optional<LogInOutcome> secondStep = this.twoFactor.secondStep(user, member);
		if (secondStep.isPresent()) {
			// failures are forgotten once the second step succeeds, not on the password
			return secondStep.get();
		}
		this.throttle.succeeded(user.email());
		return LogInOutcome.signedIn(this.sessions.start(member.userId(), member.workspaceId()));
	}

	/**
	 * Signs in a user a sign-in provider vouched for (decision 57): no password, but the
	 * second step their account or workspace needs, as after a password.
	 * @return a new session's tokens in the user's oldest active membership, or the
	 * challenge of a second step
	 * @throws io.parley.system.ParleyException {@link ErrorCode#NO_ACTIVE_MEMBERSHIP}
	 */
	public LogInOutcome logInVouchedFor(UserId id) {
		User user = this.users.find(id).orElseThrow(ErrorCode.NO_ACTIVE_MEMBERSHIP::exception);
		Member member = this.memberships.of(user.id())
			.stream()
			.filter(Member::active)
			.findFirst()
			.orElseThrow(ErrorCode.NO_ACTIVE_MEMBERSHIP::exception);
		return this.twoFactor.secondStep(user, member)
			.orElseGet(() -> LogInOutcome.signedIn(this.sessions.start(member.userId(), member.workspaceId())));
	}

	/**
	 * @throws io.parley.system.RateLimitedException when the address failed too often
	 * lately (decision 42)
	 */
	User authenticate(String email, String password) {
		String address = SignUp.normalizeEmail(email);
		Instant now = this.clock.instant();
		this.throttle.requireAllowed(address, now);
		User user = this.users.findByEmail(address).orElse(null);
		if (user == null) {
			this.passwords.spendDecoyCheck(password);
			this.throttle.failed(address, now);
			throw ErrorCode.INVALID_CREDENTIALS.exception();
		}
		if (!this.passwords.matches(password, user.passwordHash())) {
			this.throttle.failed(address, now);
			throw ErrorCode.INVALID_CREDENTIALS.exception();
		}
		return user;
	}

}
