package io.parley.dashboard.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.parley.identity.TwoFactor;
import io.parley.identity.UserId;
import io.parley.system.Page;
import io.parley.workspace.Caller;
import io.parley.workspace.Invitation;
import io.parley.workspace.Invite;
import io.parley.workspace.Member;
import io.parley.workspace.MemberAdministration;
import io.parley.workspace.MemberPage;
import io.parley.workspace.Permission;
import io.parley.workspace.Role;
import io.parley.workspace.RoleCatalog;
import io.parley.workspace.RolePage;

import org.springframework.stereotype.Component;

/**
 * Reads the members page through the same use cases as {@code GET /api/members},
 * {@code GET /api/roles} and {@code GET /api/invitations}, every page of them: a settings
 * page lists the whole workspace.
 */
@Component
class MemberList {

	/**
	 * Roles nobody is given here: a workspace has one owner, and customers are contacts.
	 */
	private static final EnumSet<Role> NOT_GIVEN = EnumSet.of(Role.OWNER, Role.CANDIDATE);

	private final MemberAdministration members;

	private final RoleCatalog roles;

	private final Invite invite;

	private final TwoFactor twoFactor;

	MemberList(MemberAdministration members, RoleCatalog roles, Invite invite, TwoFactor twoFactor) {
		this.members = members;
		this.roles = roles;
		this.invite = invite;
		this.twoFactor = twoFactor;
	}

	MembersView of(Caller caller) {
		boolean mayManage = caller.can(Permission.MANAGE_MEMBERS);
		boolean mayInvite = caller.can(Permission.INVITE_MEMBERS);
		List<Member> all = allMembers(caller);
		Map<UserId, String> names = all.stream().collect(Collectors.toMap(Member::userId, Member::name));
		List<MemberRow> rows = all.stream()
			.map((member) -> MemberRow.of(member,
					(member.supervisorId() != null) ? names.get(member.supervisorId()) : null,
					this.twoFactor.isEnabled(member.userId()), mayManage, caller.is(member.userId())))
			.toList();
		List<InvitationRow> invitations = mayInvite ? pending(caller).stream().map(InvitationRow::of).toList()
				: List.of();
		return new MembersView(rows, choices(caller), invitations, mayManage, mayInvite);
	}

	/** A pending invitation of the caller's workspace, to send again. */
	Invitation pendingInvitation(Caller caller, String id) {
		return pending(caller).stream()
			.filter((invitation) -> invitation.id().toString().equals(id))
			.findFirst()
			.orElseThrow(io.parley.system.ErrorCode.INVITATION_NOT_FOUND::exception);
	}

	/**
	 * The roles the caller may give: none with an administrative permission they lack.
	 */
	private List<RoleChoice> choices(Caller caller) {
		List<RoleChoice> choices = new ArrayList<>();
		String cursor = null;
		do {
			RolePage page = this.roles.roles(caller, cursor, Page.MAX_LIMIT);
			page.builtIn()
				.stream()
				.filter((role) -> !NOT_GIVEN.contains(role) && caller.mayGrant(role.permissions()))
				.map(RoleChoice::of)
				.forEach(choices::add);
			page.custom()
				.stream()
				.filter((role) -> caller.mayGrant(role.permissions()))
				.map(RoleChoice::of)
				.forEach(choices::add);
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return choices;
	}

	private List<Member> allMembers(Caller caller) {
		return all((cursor) -> {
			MemberPage page = this.members.members(caller, cursor, Page.MAX_LIMIT);
			return new Page<>(page.items(), page.nextCursor());
		});
	}

	private List<Invitation> pending(Caller caller) {
		return all((cursor) -> this.invite.pending(caller, cursor, Page.MAX_LIMIT));
	}

	private static <T> List<T> all(Function<String, Page<T>> pages) {
		List<T> all = new ArrayList<>();
		String cursor = null;
		do {
			Page<T> page = pages.apply(cursor);
			all.addAll(page.items());
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return all;
	}

}
