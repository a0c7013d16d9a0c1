package io.parley.workspace;

import java.util.List;

import io.parley.identity.UserId;
import io.parley.system.ErrorCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members of the caller's workspace: read them, give them roles and supervisors, edit
 * profiles, deactivate, reactivate and remove them. The owner's membership is permanent,
 * nobody changes their own, and nobody gives powers they do not hold
 * ({@link Caller#mayGrant}). Every change of role or activation publishes
 * {@link MembershipChanged}; it applies to the member's next request at once, since
 * {@link Callers} reads the membership on every request.
 */
@Service
public class MemberAdministration {

	private final Memberships memberships;

	private final CustomRoles roles;

	private final SignUp signUp;

	private final ApplicationEventPublisher events;

	MemberAdministration(Memberships memberships, CustomRoles roles, SignUp signUp, ApplicationEventPublisher events) {
		this.memberships = memberships;
		this.roles = roles;
		this.signUp = signUp;
		this.events = events;
	}

	public static final int DEFAULT_PAGE_SIZE = 50;

	/**
	 * @param cursor a page's {@code nextCursor}; empty or {@code null} for the first page
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not hand out
	 */
	@Transactional(readOnly = true)
	public MemberPage members(Caller caller, String cursor, int limit) {
		caller.require(Permission.VIEW_WORKSPACE);
		MemberCursor after = (cursor != null && !cursor.isEmpty()) ? MemberCursor.decode(cursor) : null;
		// one more than asked tells whether a next page exists
		List<Member> found = this.memberships.page(caller.workspaceId(), after, limit + 1);
		if (found.size() <= limit) {
			return new MemberPage(found, null);
		}
		List<Member> page = List.copyOf(found.subList(0, limit));
		return new MemberPage(page, MemberCursor.after(page.get(limit - 1)).encode());
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#MEMBER_NOT_FOUND} when
	 * the id names no member of the caller's workspace
	 */
	@Transactional(readOnly = true)
	public Member member(Caller caller, String userId) {
		caller.require(Permission.VIEW_WORKSPACE);
		return UserId.parse(userId)
			.flatMap((id) -> this.memberships.find(caller.workspaceId(), id))
			.orElseThrow(ErrorCode.MEMBER_NOT_FOUND::exception);
	}

	/**
	 * Changes a member. The role, custom role and supervisor need
	 * {@link Permission#MANAGE_MEMBERS}; a profile may also be edited by the member
	 * themselves, if they are staff (see {@link #requireStaff}).
	 */
	@Transactional
	public Member change(Caller caller, String userId, MemberChange change) {
		change.validate();
		boolean self = UserId.parse(userId).filter(caller::is).isPresent();
		if (change.changesMembership() || !self) {
			caller.require(Permission.MANAGE_MEMBERS);
		}
		else {
			requireStaff(caller);
		}
		Member member = lock(caller, userId);
		if (member.isOwner() && (change.changesMembership() || !self)) {
			throw ErrorCode.OWNER_IS_PERMANENT.exception();
		}
		if (self && change.changesMembership()) {
			throw ErrorCode.CANNOT_CHANGE_OWN_MEMBERSHIP.exception();
		}
		Member changed = member;
		if (change.changesRole()) {
			MemberRole role = (change.role() != null) ? MemberRole.of(change.builtInRole())
					: customRole(caller, change.customRoleId());
			caller.requireMayGrant(role.permissions());
			changed = changed.withRole(role);
		}
		if (change.supervisorId() != null) {
			changed = changed.supervisedBy(supervisorFor(changed, change.supervisorId()));
		}
		changed = changed.withProfile(change.applyTo(changed.profile()));
		this.memberships.save(changed);
		if (!changed.role().equals(member.role())) {
			this.events.publishEvent(new MembershipChanged(changed.workspaceId(), changed.userId(), caller.userId()));
		}
		return changed;
	}

	/** The member can no longer act in the workspace: their tokens are refused. */
	@Transactional
	public Member deactivate(Caller caller, String userId) {
		return activate(caller, userId, false);
	}

	@Transactional
	public Member activate(Caller caller, String userId) {
		return activate(caller, userId, true);
	}

	/** Removes the membership; the account stays, and the agents of a supervisor stay. */
	@Transactional
	public void remove(Caller caller, String userId) {
		caller.require(Permission.MANAGE_MEMBERS);
		Member member = lockForMembershipChange(caller, userId);
		this.memberships.remove(member.workspaceId(), member.userId());
		this.events.publishEvent(new MembershipChanged(member.workspaceId(), member.userId(), caller.userId()));
	}

	/** The caller says whether they take conversations now (seed 004). */
	@Transactional
	public Member setAvailability(Caller caller, Availability availability) {
		requireStaff(caller);
		this.memberships.setAvailability(caller.workspaceId(), caller.userId(), availability);
		this.events.publishEvent(new AvailabilityChanged(caller.workspaceId(), caller.userId(), availability));
		return this.memberships.find(caller.workspaceId(), caller.userId())
			.orElseThrow(ErrorCode.MEMBER_NOT_FOUND::exception);
	}

	private Member activate(Caller caller, String userId, boolean active) {
		caller.require(Permission.MANAGE_MEMBERS);
		Member member = lockForMembershipChange(caller, userId);
		if (member.active() == active) {
			return member;
		}
		Member changed = member.withActive(active);
		this.memberships.save(changed);
		this.events.publishEvent(new MembershipChanged(changed.workspaceId(), changed.userId(), caller.userId()));
		return changed;
	}

	private Member lockForMembershipChange(Caller caller, String userId) {
		Member member = lock(caller, userId);
		if (member.isOwner()) {
			throw ErrorCode.OWNER_IS_PERMANENT.exception();
		}
		if (caller.is(member.userId())) {
			throw ErrorCode.CANNOT_CHANGE_OWN_MEMBERSHIP.exception();
		}
		return member;
	}

	private Member lock(Caller caller, String userId) {
		return UserId.parse(userId)
			.flatMap((id) -> this.memberships.lock(caller.workspaceId(), id))
			.orElseThrow(ErrorCode.MEMBER_NOT_FOUND::exception);
	}

	private MemberRole customRole(Caller caller, String id) {
		return RoleId.parse(id)
			.flatMap((role) -> this.roles.lock(caller.workspaceId(), role))
			.map(MemberRole::of)
			.orElseThrow(ErrorCode.ROLE_NOT_FOUND::exception);
	}

	/**
	 * Only members who handle conversations work for a supervisor, and never for
	 * themselves.
	 */
	private UserId supervisorFor(Member member, String supervisorId) {
		if (!member.role().grants(Permission.HANDLE_CONVERSATIONS)) {
			throw ErrorCode.SUPERVISOR_ONLY_FOR_AGENTS.exception();
		}
		UserId supervisor = this.signUp.supervisorOf(member.workspaceId(), supervisorId);
		if (supervisor.equals(member.userId())) {
			throw ErrorCode.INVALID_SUPERVISOR_ROLE.exception();
		}
		return supervisor;
	}

	/**
	 * Keeping one's own profile and availability is for the staff: members who handle
	 * conversations or see the workspace, not candidates.
	 */
	private static void requireStaff(Caller caller) {
		if (!caller.can(Permission.HANDLE_CONVERSATIONS) && !caller.can(Permission.VIEW_WORKSPACE)) {
			throw ErrorCode.FORBIDDEN.exception();
		}
	}

}
