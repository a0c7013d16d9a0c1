package io.parley.workspace;

import java.time.Clock;
import java.time.Instant;

import io.parley.identity.Passwords;
import io.parley.identity.User;
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

	private final Sessions sessions;

	private final LoginThrottle throttle;

	private final Clock clock;

	LogIn(Users users, Passwords passwords, Sessions sessions, LoginThrottle throttle, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.sessions = sessions;
		this.throttle = throttle;
		this.clock = clock;
	}

	/**
	 * @param workspace the workspace to act in; {@code null} for the user's oldest active
	 * membership
	 * @return a new session's access and refresh tokens for the user in that workspace
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_CREDENTIALS} when
	 * no user has this email and password, {@link ErrorCode#NO_ACTIVE_MEMBERSHIP} when
	 * they have no active membership (in that workspace)
	 */
	public SessionTokens logIn(String email, String password, WorkspaceId workspace) {
		User user = authenticate(email, password);
		return this.sessions.start(user.id(), workspace);
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
		this.throttle.succeeded(address);
		return user;
	}

}
