package io.parley.workspace;

import java.time.Clock;
import java.time.Instant;

import io.parley.identity.Passwords;
import io.parley.identity.User;
import io.parley.identity.UserAccount;
import io.parley.identity.UserId;
import io.parley.identity.Users;
import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.WorkspaceAccess.Entry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows an invitation link: shows what it offers, and accepting it creates the account
 * (or links an existing one, proven by its password) and the membership, and signs the
 * new member in.
 */
@Service
public class AcceptInvitation {

	private static final int MIN_PASSWORD_LENGTH = 6;

	private final Invitations invitations;

	private final Workspaces workspaces;

	private final Memberships memberships;

	private final Users users;

	private final Passwords passwords;

	private final SignUp signUp;

	private final Sessions sessions;

	private final TwoFactorRequirement twoFactorRequirement;

	private final Clock clock;

	AcceptInvitation(Invitations invitations, Workspaces workspaces, Memberships memberships, Users users,
			Passwords passwords, SignUp signUp, Sessions sessions, TwoFactorRequirement twoFactorRequirement,
			Clock clock) {
		this.invitations = invitations;
		this.workspaces = workspaces;
		this.memberships = memberships;
		this.users = users;
		this.passwords = passwords;
		this.signUp = signUp;
		this.sessions = sessions;
		this.twoFactorRequirement = twoFactorRequirement;
		this.clock = clock;
	}

	/**
	 * What the link offers.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVITATION_NOT_FOUND},
	 * {@link ErrorCode#INVITATION_USED}, {@link ErrorCode#INVITATION_EXPIRED}
	 */
	@Transactional(readOnly = true)
	public Preview show(String secret) {
		Invitation invitation = usable(secret, Timestamps.now(this.clock));
		return new Preview(invitation, this.workspaces.find(invitation.workspaceId()).orElseThrow(),
				this.users.existsByEmail(invitation.email()));
	}

	/**
	 * Accepts the invitation, once: of two concurrent accepts one wins, the other is told
	 * the link was used. Nothing changes when any check fails.
	 * @param name the new account's name; ignored when the address has an account
	 * @param password the account's password, or the new account's
	 * @return the new membership, with a token for acting in its workspace; without one
	 * when the workspace requires a second factor the account has not set up
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_CREDENTIALS} when
	 * the address has an account and this is not its password,
	 * {@link ErrorCode#ALREADY_A_MEMBER}, and the errors of {@link #show(String)}
	 */
	@Transactional
	public Entry accept(String secret, String name, String password) {
		Instant now = Timestamps.now(this.clock);
		Invitation invitation = usable(secret, now);
		WorkspaceId workspace = invitation.workspaceId();
		// claimed first, so that a concurrent accept waits on the row and, once this one
		// has
		// committed, is told the link was used rather than that its account is a member
		// (any check failing below rolls the claim back)
		if (!this.invitations.claim(invitation.id(), now)) {
			// another accept won the race, or the link expired or was revoked just now
			usable(secret, now);
			throw ErrorCode.INVITATION_USED.exception();
		}
		User existing = this.users.findByEmail(invitation.email()).orElse(null);
		if (existing == null) {
			requireNewAccount(name, password);
		}
		else if (!this.passwords.matches(password, existing.passwordHash())) {
			throw ErrorCode.INVALID_CREDENTIALS.exception();
		}
		else if (this.memberships.find(workspace, existing.id()).isPresent()) {
			throw ErrorCode.ALREADY_A_MEMBER.exception();
		}
		UserAccount account = ((existing != null) ? existing : this.signUp.create(name, invitation.email(), password))
			.account();
		Member member = SignUp.newMember(workspace, account, invitation.role(), supervisorOf(invitation), now);
		try {
			this.memberships.add(member);
		}
		catch (DuplicateKeyException ex) {
			throw ErrorCode.ALREADY_A_MEMBER.exception();
		}
		// a workspace that requires a second factor hands its new staff no session: they
		// set one up when they log in (decision 54)
		SessionTokens session = this.twoFactorRequirement.mustEnrol(member) ? null : this.sessions.start(member);
		return new Entry(this.workspaces.find(workspace).orElseThrow(), member, session);
	}

	private Invitation usable(String secret, Instant now) {
		Invitation invitation = this.invitations.find(new InvitationSecret(secret))
			.orElseThrow(ErrorCode.INVITATION_NOT_FOUND::exception);
		invitation.requireUsable(now);
		return invitation;
	}

	private static void requireNewAccount(String name, String password) {
		if (name == null || name.isBlank() || password.length() < MIN_PASSWORD_LENGTH) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

	/**
	 * The invitation's supervisor while they may still supervise; an agent is better
	 * joined without one than refused for a change they cannot see.
	 */
	private UserId supervisorOf(Invitation invitation) {
		if (invitation.supervisorId() == null) {
			return null;
		}
		return this.memberships.find(invitation.workspaceId(), invitation.supervisorId())
			.filter((supervisor) -> supervisor.can(Permission.ASSIGN_CONVERSATION))
			.map(Member::userId)
			.orElse(null);
	}

	/**
	 * What an invitation link offers.
	 *
	 * @param accountExists whether the address already has an account, which accepting
	 * links instead of creating one
	 */
	public record Preview(Invitation invitation, Workspace workspace, boolean accountExists) {
	}

}
