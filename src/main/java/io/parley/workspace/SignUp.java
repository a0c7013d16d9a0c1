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
import org.jspecify.annotations.Nullable;

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
	 * Seed 003's sign-up: an account and a membership of the default workspace, made by
	 * the person themselves ({@code caller} {@code null}) or by a member with a token.
	 * Candidates may always sign up; supervisors and agents while the workspace's staff
	 * sign-up is open; an admin only as the workspace's first (decision 47). A caller who
	 * may invite to the role (as {@link Invite} checks) creates any role, open or not.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#FORBIDDEN} for an admin
	 * after the first, {@link ErrorCode#SIGNUP_CLOSED} for staff while sign-up is closed
	 */
	@Transactional
	public UserAccount register(Registration registration, @Nullable Caller caller) {
		Role role = registration.role();
		if (role == Role.OWNER) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		WorkspaceId workspace = WorkspaceId.DEFAULT;
		if (!mayInvite(caller, workspace, role)) {
			admit(workspace, role);
		}
		UserId supervisor = (role == Role.AGENT) ? supervisorOf(workspace, registration.supervisorId()) : null;
		User user = create(registration.name(), registration.email(), registration.password());
		this.memberships.add(newMember(workspace, user.account(), MemberRole.of(role), supervisor, user.createdAt()));
		return user.account();
	}

	/**
	 * Whether the caller is a member of the workspace who may invite people to this role.
	 */
	private static boolean mayInvite(@Nullable Caller caller, WorkspaceId workspace, Role role) {
		return caller != null && caller.workspaceId().equals(workspace) && caller.can(Permission.INVITE_MEMBERS)
				&& caller.mayGrant(role.permissions());
	}

	/**
	 * Lets a person in by themselves, or refuses them. The first admin is let in even
	 * when staff sign-up is closed, so that a closed install can still get its admin.
	 */
	private void admit(WorkspaceId workspace, Role role) {
		if (role == Role.ADMIN) {
			if (!this.workspaces.claimFirstAdmin(workspace, Timestamps.now(this.clock))) {
				throw ErrorCode.FORBIDDEN.exception();
			}
		}
		else if (role != Role.CANDIDATE && !this.workspaces.find(workspace).orElseThrow().staffSignupOpen()) {
			throw ErrorCode.SIGNUP_CLOSED.exception();
		}
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
