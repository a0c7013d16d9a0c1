package io.parley.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.parley.identity.Passwords;
import io.parley.identity.User;
import io.parley.identity.UserAccount;
import io.parley.identity.UserDirectory;
import io.parley.identity.UserId;
import io.parley.identity.Users;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates user accounts: seed 003's {@code POST /auth/signup} into the default workspace,
 * and the accounts of workspace owners and invited members.
 */
@Service
public class SignUp {

	private final Users users;

	private final Passwords passwords;

	private final Workspaces workspaces;

	private final Memberships memberships;

	private final Clock clock;

	SignUp(Users users, Passwords passwords, Workspaces workspaces, Memberships memberships, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.workspaces = workspaces;
		this.memberships = memberships;
		this.clock = clock;
	}

	/**
	 * Seed 003's sign-up: an account and a membership of the default workspace. Staff
	 * roles need the workspace's sign-up to be open; candidates may always sign up.
	 */
	@Transactional
	public UserAccount register(Registration registration) {
		Role role = registration.role();
		if (role == Role.OWNER) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		WorkspaceId workspace = WorkspaceId.DEFAULT;
		if (role != Role.CANDIDATE && !this.workspaces.find(workspace).orElseThrow().staffSignupOpen()) {
			throw ErrorCode.SIGNUP_CLOSED.exception();
		}
		UserId supervisor = (role == Role.AGENT) ? supervisorOf(workspace, registration.supervisorId()) : null;
		User user = create(registration.name(), registration.email(), registration.password());
		this.memberships.add(newMember(workspace, user.account(), MemberRole.of(role), supervisor, user.createdAt()));
		return user.account();
	}

	/**
	 * A new account.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#EMAIL_ALREADY_EXISTS}
	 */
	User create(String name, String email, String password) {
		String normalized = normalizeEmail(email);
		if (this.users.existsByEmail(normalized)) {
			throw ErrorCode.EMAIL_ALREADY_EXISTS.exception();
		}
		User user = new User(UserId.random(), name.trim(), normalized, this.passwords.hash(password),
				Timestamps.now(this.clock));
		this.users.add(user);
		return user;
	}

	Optional<UserAccount> account(UserId user) {
		return this.users.find(user).map(User::account);
	}

	static Member newMember(WorkspaceId workspace, UserAccount user, MemberRole role, UserId supervisor,
			Instant joinedAt) {
		return new Member(workspace, user.id(), user.name(), user.email(), role, supervisor, true,
				AgentProfile.initial(), joinedAt);
	}

	/**
	 * The supervisor an agent will work for: an active member of the workspace whose role
	 * assigns conversations.
	 */
	UserId supervisorOf(WorkspaceId workspace, String supervisorId) {
		if (supervisorId == null || supervisorId.isBlank()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Member supervisor = UserId.parse(supervisorId)
			.flatMap((id) -> this.memberships.find(workspace, id))
			.orElseThrow(ErrorCode.SUPERVISOR_NOT_FOUND::exception);
		if (!supervisor.can(Permission.ASSIGN_CONVERSATION)) {
			throw ErrorCode.INVALID_SUPERVISOR_ROLE.exception();
		}
		return supervisor.userId();
	}

	static String normalizeEmail(String email) {
		return UserDirectory.normalizeEmail(email);
	}

}
