package io.parley.identity;

import io.parley.system.ErrorCode;

import org.springframework.stereotype.Service;

/**
 * Exchanges email and password for an access token (seed 003 {@code POST /auth/login}).
 */
@Service
public class LogIn {

	private final Users users;

	private final Passwords passwords;

	private final AccessTokens tokens;

	LogIn(Users users, Passwords passwords, AccessTokens tokens) {
		this.users = users;
		this.passwords = passwords;
		this.tokens = tokens;
	}

	/**
	 * @return a signed access token for the user
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_CREDENTIALS} when
	 * no user has this email and password
	 */
	public String logIn(String email, String password) {
		User user = this.users.findByEmail(SignUp.normalizeEmail(email)).orElse(null);
		if (user == null) {
			this.passwords.spendDecoyCheck(password);
			throw ErrorCode.INVALID_CREDENTIALS.exception();
		}
		if (!this.passwords.matches(password, user.passwordHash())) {
			throw ErrorCode.INVALID_CREDENTIALS.exception();
		}
		return this.tokens.issue(user.account());
	}

}
