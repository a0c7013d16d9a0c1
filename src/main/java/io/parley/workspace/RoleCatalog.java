package io.parley.workspace;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.parley.system.ErrorCode;
import io.parley.system.PageCursor;
import io.parley.system.Timestamps;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custom roles of the caller's workspace: a name and the permissions it grants. A
 * name is unique in the workspace whatever its case and is never a built-in role's;
 * nobody puts into a role a permission they could not give themselves
 * ({@link Caller#mayGrant}).
 */
@Service
public class RoleCatalog {

	private static final int MAX_NAME = 50;

	private final CustomRoles roles;

	private final Memberships memberships;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RoleCatalog(CustomRoles roles, Memberships memberships, ApplicationEventPublisher events, Clock clock) {
		this.roles = roles;
		this.memberships = memberships;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The built-in roles, then the workspace's custom roles oldest first, a page at a
	 * time.
	 * @param cursor a page's {@code nextCursor}; empty or {@code null} for the first page
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not hand out
	 */
	@Transactional(readOnly = true)
	public RolePage roles(Caller caller, String cursor, int limit) {
		caller.require(Permission.VIEW_WORKSPACE);
		RoleCursor after = RoleCursor.parse(cursor).orElse(null);
		List<Role> all = List.of(Role.values());
		int start = (after == null) ? 0 : (after.builtIn() != null) ? after.builtIn().ordinal() + 1 : all.size();
		List<Role> builtIn = all.subList(start, Math.min(all.size(), start + limit));
		int room = limit - builtIn.size();
		PageCursor afterCustom = (after != null) ? after.custom() : null;
		// one more than there is room for tells whether a next page exists
		List<CustomRole> custom = this.roles.page(caller.workspaceId(), afterCustom, room + 1);
		if (custom.size() <= room && start + builtIn.size() == all.size()) {
			return new RolePage(builtIn, custom, null);
		}
		if (room == 0) {
			return new RolePage(builtIn, List.of(), RoleCursor.after(builtIn.get(builtIn.size() - 1)).encode());
		}
		List<CustomRole> page = List.copyOf(custom.subList(0, room));
		return new RolePage(builtIn, page, RoleCursor.after(page.get(room - 1)).encode());
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a blank or long name or an unknown permission, {@link ErrorCode#FORBIDDEN} for
	 * a permission the caller may not give, {@link ErrorCode#ROLE_NAME_TAKEN}
	 */
	@Transactional
	public CustomRole create(Caller caller, String name, Collection<String> permissions) {
		caller.require(Permission.MANAGE_ROLES);
		CustomRole role = new CustomRole(RoleId.random(), caller.workspaceId(), validName(name),
				permissionsOf(permissions), Timestamps.now(this.clock));
		caller.requireMayGrant(role.permissions());
		requireNotBuiltIn(role);
		this.roles.add(role);
		return role;
	}

	/**
	 * Renames a role and sets its permissions, under the rules of {@link #create}. Its
	 * holders' open sockets are closed ({@link MembershipChanged}): they hold other
	 * permissions now.
	 */
	@Transactional
	public CustomRole update(Caller caller, String id, String name, Collection<String> permissions) {
		caller.require(Permission.MANAGE_ROLES);
		String newName = validName(name);
		Set<Permission> newPermissions = permissionsOf(permissions);
		CustomRole current = lock(caller, id);
		CustomRole updated = new CustomRole(current.id(), current.workspaceId(), newName, newPermissions,
				current.createdAt());
		caller.requireMayGrant(updated.permissions());
		requireNotBuiltIn(updated);
		this.roles.save(updated);
		this.memberships.holdersOf(updated.id())
			.forEach((user) -> this.events
				.publishEvent(new MembershipChanged(updated.workspaceId(), user, caller.userId())));
		return updated;
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#ROLE_IN_USE} while a
	 * member holds it or an invitation that can still be accepted gives it
	 */
	@Transactional
	public void delete(Caller caller, String id) {
		caller.require(Permission.MANAGE_ROLES);
		CustomRole role = lock(caller, id);
		if (this.memberships.holdsCustomRole(role.id())
				|| this.roles.isOffered(role.id(), Timestamps.now(this.clock))) {
			throw ErrorCode.ROLE_IN_USE.exception();
		}
		this.roles.remove(role.id(), Timestamps.now(this.clock));
	}

	private CustomRole lock(Caller caller, String id) {
		return RoleId.parse(id)
			.flatMap((role) -> this.roles.lock(caller.workspaceId(), role))
			.orElseThrow(ErrorCode.ROLE_NOT_FOUND::exception);
	}

	/**
	 * A built-in role's name is never a custom role's; another custom role's name, in any
	 * case, is refused by the database when the role is written.
	 */
	private static void requireNotBuiltIn(CustomRole role) {
		if (Role.parse(role.name().toLowerCase(Locale.ROOT)).isPresent()) {
			throw ErrorCode.ROLE_NAME_TAKEN.exception();
		}
	}

	private static String validName(String name) {
		String trimmed = (name != null) ? name.trim() : "";
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return trimmed;
	}

	private static Set<Permission> permissionsOf(Collection<String> names) {
		if (names == null) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		for (String name : names) {
			permissions.add(Permission.parse(name).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception));
		}
		return permissions;
	}

}
