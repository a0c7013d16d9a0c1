package io.parley.identity;

import java.util.Locale;

import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates user accounts (seed 003 {@code POST /auth/signup}).
 */
@Service
public class SignUp {

	private final Users users;

	private final Passwords passwords;

	SignUp(Users users, Passwords passwords) {
		this.users = users;
		this.passwords = passwords;
	}

	@Transactional
	public UserAccount register(Registration registration) {
		String email = normalizeEmail(registration.email());
		UserId supervisor = (registration.role() == Role.AGENT) ? supervisorOf(registration) : null;
		if (this.users.existsByEmail(email)) {
			throw ErrorCode.EMAIL_ALREADY_EXISTS.exception();
		}
		User user = new User(UserId.random(), registration.name().trim(), email,
				this.passwords.hash(registration.password()), registration.role(), supervisor, Timestamps.now());
		this.users.add(user);
		return user.account();
	}

	private UserId supervisorOf(Registration registration) {
		String supervisorId = registration.supervisorId();
		if (supervisorId == null || supervisorId.isBlank()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		User supervisor = UserId.parse(supervisorId)
			.flatMap(this.users::find)
			.orElseThrow(ErrorCode.SUPERVISOR_NOT_FOUND::exception);
		if (supervisor.role() != Role.SUPERVISOR) {
			throw ErrorCode.INVALID_SUPERVISOR_ROLE.exception();
		}
		return supervisor.id();
	}

	static String normalizeEmail(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
