package io.parley.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.parley.identity.UserId;
import io.parley.identity.Users;
import io.parley.system.ErrorCode;
import io.parley.system.Page;
import io.parley.system.PageCursor;
import io.parley.system.Timestamps;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites people to the caller's workspace by email, lists the invitations still pending
 * and revokes them.
 */
@Service
public class Invite {

	private final Invitations invitations;

	private final Memberships memberships;

	private final CustomRoles customRoles;

	private final Users users;

	private final InvitationMail mail;

	private final ApplicationEventPublisher events;

	private final Duration lifetime;

	private final Clock clock;

	Invite(Invitations invitations, Memberships memberships, CustomRoles customRoles, Users users, InvitationMail mail,
			ApplicationEventPublisher events, @Value("${parley.invitations.lifetime}") Duration lifetime, Clock clock) {
		this.invitations = invitations;
		this.memberships = memberships;
		this.customRoles = customRoles;
		this.users = users;
		this.mail = mail;
		this.events = events;
		this.lifetime = lifetime;
		this.clock = clock;
	}

	/**
	 * Invites someone. With a mail server the link is mailed after the invitation is
	 * committed ({@link InvitationIssued}, sent again until the server takes it), so a
	 * mail server that is down delays the mail but loses no invitation. A new invitation
	 * replaces those still pending for the same address, so only the latest link works.
	 * @return the invitation; with its link when no mail server is configured
	 * @throws io.parley.system.ParleyException {@link ErrorCode#FORBIDDEN} when the role
	 * grants an administrative permission the caller lacks,
	 * {@link ErrorCode#ALREADY_A_MEMBER}, and the errors of an invalid role or supervisor
	 */
	@Transactional
	public Sent invite(Caller caller, Invitee invitee) {
		caller.require(Permission.INVITE_MEMBERS);
		WorkspaceId workspace = caller.workspaceId();
		MemberRole role = roleOf(workspace, invitee);
		if (!caller.mayGrant(role.permissions())) {
			throw ErrorCode.FORBIDDEN.exception();
		}
		UserId supervisor = supervisorOf(workspace, role, invitee.supervisorId());
		String email = SignUp.normalizeEmail(invitee.email());
		if (this.users.findByEmail(email).flatMap((user) -> this.memberships.find(workspace, user.id())).isPresent()) {
			throw ErrorCode.ALREADY_A_MEMBER.exception();
		}
		this.invitations.revokeAll(workspace, email);
		Instant now = Timestamps.now(this.clock);
		Invitation invitation = new Invitation(InvitationId.random(), workspace, email, role, supervisor,
				caller.userId(), now, now.plus(this.lifetime), null);
		InvitationSecret secret = InvitationSecret.random();
		this.invitations.add(invitation, secret);
		if (!this.mail.canSend()) {
			return new Sent(invitation, false, this.mail.link(secret));
		}
		// this secret is never shown: the mail's link gets its own, so that the event
		// waiting for the mail server carries none
		this.events.publishEvent(new InvitationIssued(invitation.id(), workspace));
		return new Sent(invitation, true, null);
	}

	/**
	 * The caller's workspace's invitations that can still be accepted, oldest first, a
	 * page at a time.
	 * @param cursor a page's {@code nextCursor}; empty or {@code null} for the first page
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not hand out
	 */
	@Transactional(readOnly = true)
	public Page<Invitation> pending(Caller caller, String cursor, int limit) {
		caller.require(Permission.INVITE_MEMBERS);
		PageCursor after = PageCursor.parse(cursor).orElse(null);
		List<Invitation> found = this.invitations.pending(caller.workspaceId(), Timestamps.now(this.clock), after,
				limit + 1);
		return Page.of(found, limit, (invitation) -> new PageCursor(invitation.createdAt(), invitation.id().value()));
	}

	/**
	 * Deletes an invitation not accepted yet; its link stops working.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVITATION_NOT_FOUND}
	 * when the caller's workspace has no such invitation, or it was accepted
	 */
	@Transactional
	public void revoke(Caller caller, String id) {
		caller.require(Permission.INVITE_MEMBERS);
		boolean revoked = InvitationId.parse(id)
			.map((invitation) -> this.invitations.revoke(caller.workspaceId(), invitation))
			.orElse(false);
		if (!revoked) {
			throw ErrorCode.INVITATION_NOT_FOUND.exception();
		}
	}

	/**
	 * Owner and candidate are no roles to invite to: a workspace has one owner, and
	 * customers are contacts.
	 */
	private MemberRole roleOf(WorkspaceId workspace, Invitee invitee) {
		boolean builtIn = invitee.role() != null;
		if (builtIn == (invitee.customRoleId() != null)) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		if (builtIn) {
			return Role.parse(invitee.role())
				.filter((role) -> role != Role.OWNER && role != Role.CANDIDATE)
				.map(MemberRole::of)
				.orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
		}
		return RoleId.parse(invitee.customRoleId())
			// locked, so the role cannot be deleted before the invitation is stored
			// (decision 23)
			.flatMap((id) -> this.customRoles.lock(workspace, id))
			.map(MemberRole::of)
			.orElseThrow(ErrorCode.ROLE_NOT_FOUND::exception);
	}

	/**
	 * The supervisor an invited agent will work for: an active member who may assign
	 * conversations. Only roles that handle conversations have one.
	 */
	private UserId supervisorOf(WorkspaceId workspace, MemberRole role, String supervisorId) {
		if (supervisorId == null) {
			return null;
		}
		if (!role.permissions().contains(Permission.HANDLE_CONVERSATIONS)) {
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

	/**
	 * An invitation just made.
	 *
	 * @param delivered whether the link goes out by mail (after commit, retried until the
	 * mail server takes it)
	 * @param link the link to hand over when it was not mailed, else {@code null}
	 */
	public record Sent(Invitation invitation, boolean delivered, String link) {
	}

}
