package io.parley.workspace;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import io.parley.identity.TwoFactor;
import io.parley.identity.User;
import io.parley.identity.UserAccount;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.system.Page;
import io.parley.system.PageCursor;
import io.parley.system.Timestamps;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates workspaces and lets their members choose which one they act in.
 */
@Service
public class WorkspaceAccess {

	private final Workspaces workspaces;

	private final Memberships memberships;

	private final SignUp signUp;

	private final Sessions sessions;

	private final TwoFactorRequirement twoFactorRequirement;

	private final TwoFactor twoFactor;

	private final Clock clock;

	WorkspaceAccess(Workspaces workspaces, Memberships memberships, SignUp signUp, Sessions sessions,
			TwoFactorRequirement twoFactorRequirement, TwoFactor twoFactor, Clock clock) {
		this.workspaces = workspaces;
		this.memberships = memberships;
		this.signUp = signUp;
		this.sessions = sessions;
		this.twoFactorRequirement = twoFactorRequirement;
		this.twoFactor = twoFactor;
		this.clock = clock;
	}

	/** A signed-in user creates a workspace and becomes its owner. */
	@Transactional
	public Entry create(UserId owner, String name) {
		UserAccount account = this.signUp.account(owner).orElseThrow(ErrorCode.USER_NOT_FOUND::exception);
		return create(account, name);
	}

	/** Someone without an account creates one and a workspace they own. */
	@Transactional
	public Entry create(String ownerName, String email, String password, String name) {
		User user = this.signUp.create(ownerName, email, password);
		return create(user.account(), name);
	}

	private Entry create(UserAccount user, String name) {
		Workspace workspace = new Workspace(WorkspaceId.random(), name.trim(), false, false,
				Timestamps.now(this.clock));
		this.workspaces.add(workspace);
		Member owner = SignUp.newMember(workspace.id(), user, MemberRole.of(Role.OWNER), null, workspace.createdAt());
		this.memberships.add(owner);
		return new Entry(workspace, owner, this.sessions.start(owner));
	}

	/**
	 * Founds a workspace without members, once: a later call with the same id changes
	 * nothing. It counts as having had its first admin, so nobody becomes its admin by
	 * signing up (decision 47); only its id and name exist until someone is given a
	 * membership. For the demo page's workspace (decision 69).
	 * @return whether this call founded it
	 */
	// no transaction: a duplicate insert of another node fails alone, in its own
	// statement
	public boolean foundWithoutMembers(WorkspaceId id, String name) {
		return this.workspaces.addIfAbsent(new Workspace(id, name.trim(), false, false, Timestamps.now(this.clock)));
	}

	/**
	 * The workspaces a user belongs to, active or not, oldest membership first, a page at
	 * a time.
	 * @param cursor a page's {@code nextCursor}; empty or {@code null} for the first page
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not hand out
	 */
	@Transactional(readOnly = true)
	public Page<Entry> of(UserId user, String cursor, int limit) {
		PageCursor after = PageCursor.parse(cursor).orElse(null);
		List<Member> found = this.memberships.page(user, after, limit + 1);
		return Page.of(found, limit, (member) -> new PageCursor(member.joinedAt(), member.workspaceId().value()))
			.map((member) -> new Entry(this.workspaces.find(member.workspaceId()).orElseThrow(), member, null));
	}

	/**
	 * A session (a token pair) for acting in another workspace the caller belongs to.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#WORKSPACE_NOT_FOUND} when
	 * the caller has no active membership there, {@link ErrorCode#TWO_FACTOR_REQUIRED}
	 * when it requires a second factor the caller has not set up
	 */
	@Transactional
	@AnyCaller("only to a workspace the caller is an active member of")
	public Entry switchTo(Caller caller, String workspaceId) {
		Member member = WorkspaceId.parse(workspaceId)
			.flatMap((workspace) -> this.memberships.find(workspace, caller.userId()))
			.filter(Member::active)
			.orElseThrow(ErrorCode.WORKSPACE_NOT_FOUND::exception);
		this.twoFactorRequirement.requireMet(member);
		return new Entry(this.workspaces.find(member.workspaceId()).orElseThrow(), member, this.sessions.start(member));
	}

	/** The caller's workspace. */
	@Transactional(readOnly = true)
	public Workspace current(Caller caller) {
		caller.require(Permission.VIEW_WORKSPACE);
		return this.workspaces.find(caller.workspaceId()).orElseThrow(ErrorCode.WORKSPACE_NOT_FOUND::exception);
	}

	/**
	 * Renames the caller's workspace, opens or closes staff sign-up and requires a second
	 * factor of its staff or not; {@code null} leaves a value as it is.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#TWO_FACTOR_REQUIRED} when
	 * the caller requires a second factor without having one, which would lock them out
	 * at their next log-in
	 */
	@Transactional
	public Workspace update(Caller caller, String name, Boolean staffSignupOpen, Boolean requireTwoFactor) {
		return update(caller, name, staffSignupOpen, requireTwoFactor, null);
	}

	/**
	 * {@link #update(Caller, String, Boolean, Boolean)}, and sets the time zone of its
	 * reports: an IANA id such as {@code Europe/Berlin} ({@link ZoneId#of}), or
	 * {@code null} to keep it.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a zone Java does not know
	 */
	@Transactional
	public Workspace update(Caller caller, String name, Boolean staffSignupOpen, Boolean requireTwoFactor,
			String timeZone) {
		caller.require(Permission.MANAGE_SETTINGS);
		if (name != null && name.isBlank()) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		ZoneId zone = (timeZone != null) ? zone(timeZone) : null;
		if (Boolean.TRUE.equals(requireTwoFactor) && !this.twoFactor.isEnabled(caller.userId())) {
			throw ErrorCode.TWO_FACTOR_REQUIRED.exception();
		}
		this.workspaces.change(caller.workspaceId(), (name != null) ? name.trim() : null, staffSignupOpen,
				requireTwoFactor, zone);
		// read without asking for workspace.view: managing the settings is enough
		return this.workspaces.find(caller.workspaceId()).orElseThrow(ErrorCode.WORKSPACE_NOT_FOUND::exception);
	}

	/**
	 * The time zone the workspace's days are counted in (its reports'), for read models
	 * that already checked their caller.
	 */
	@Transactional(readOnly = true)
	public ZoneId timeZone(WorkspaceId workspace) {
		return this.workspaces.find(workspace)
			.map(Workspace::timeZone)
			.orElseThrow(ErrorCode.WORKSPACE_NOT_FOUND::exception);
	}

	/**
	 * The workspace's name, for texts shown to its own members (a canned response's
	 * placeholders) by modules that already checked their caller.
	 */
	@Transactional(readOnly = true)
	public String name(WorkspaceId workspace) {
		return this.workspaces.find(workspace)
			.map(Workspace::name)
			.orElseThrow(ErrorCode.WORKSPACE_NOT_FOUND::exception);
	}

	/**
	 * An id {@link ZoneId#of} knows: a region ({@code Europe/Berlin}), {@code UTC}, or a
	 * fixed offset ({@code +05:30}), which follows no daylight saving time.
	 */
	private static ZoneId zone(String id) {
		if (id.isBlank() || id.length() > 60) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		try {
			return ZoneId.of(id);
		}
		catch (DateTimeException ex) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
	}

	/**
	 * A workspace with the caller's membership of it.
	 *
	 * @param session the tokens of a session acting in it, or {@code null} in listings
	 */
	public record Entry(Workspace workspace, Member member, SessionTokens session) {
	}

}
