package io.parley.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.system.PageCursor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores invitations, each with the hash of its link's secret (never the secret).
 */
@Repository
class Invitations {

	private static final String SELECT = """
			SELECT i.id, i.workspace_id, i.email, i.role, i.custom_role_id, r.name AS custom_name, r.permissions,
			  i.supervisor_id, i.invited_by, i.created_at, i.expires_at, i.accepted_at
			FROM invitations i LEFT JOIN roles r ON r.id = i.custom_role_id
			""";

	private final JdbcClient jdbc;

	Invitations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(Invitation invitation, InvitationSecret secret) {
		this.jdbc
			.sql("""
					INSERT INTO invitations (id, workspace_id, email, role, custom_role_id, supervisor_id, token_hash,
					  invited_by, expires_at, accepted_at, created_at)
					VALUES (:id, :workspace, :email, :role, :customRole, :supervisor, :hash, :invitedBy, :expires, NULL, :at)
					""")
			.param("id", invitation.id().value())
			.param("workspace", invitation.workspaceId().value())
			.param("email", invitation.email())
			.param("role", invitation.role().column())
			.param("customRole",
					(invitation.role().customRoleId() != null) ? invitation.role().customRoleId().value() : null)
			.param("supervisor", UserId.valueOf(invitation.supervisorId()))
			.param("hash", secret.hash())
			.param("invitedBy", invitation.invitedBy().value())
			.param("expires", utc(invitation.expiresAt()))
			.param("at", utc(invitation.createdAt()))
			.update();
	}

	Optional<Invitation> find(InvitationSecret secret) {
		return this.jdbc.sql(SELECT + " WHERE i.token_hash = ?")
			.param(secret.hash())
			.query(Invitations::map)
			.optional();
	}

	Optional<Invitation> find(WorkspaceId workspace, InvitationId id) {
		return this.jdbc.sql(SELECT + " WHERE i.workspace_id = ? AND i.id = ?")
			.params(workspace.value(), id.value())
			.query(Invitations::map)
			.optional();
	}

	/**
	 * Gives a pending invitation the secret of a new link, which replaces its earlier
	 * one; {@code false} when it was accepted, revoked or has expired meanwhile.
	 */
	boolean reissue(Invitation invitation, InvitationSecret secret, Instant now) {
		return this.jdbc.sql("""
				UPDATE invitations SET token_hash = :hash
				WHERE workspace_id = :workspace AND id = :id AND accepted_at IS NULL AND expires_at > :now
				""")
			.param("hash", secret.hash())
			.param("workspace", invitation.workspaceId().value())
			.param("id", invitation.id().value())
			.param("now", utc(now))
			.update() == 1;
	}

	/**
	 * Up to {@code limit} of the workspace's invitations that can still be accepted,
	 * oldest first, after {@code after} ({@code null} for the first page).
	 */
	List<Invitation> pending(WorkspaceId workspace, Instant now, PageCursor after, int limit) {
		JdbcClient.StatementSpec query = this.jdbc
			.sql(SELECT + " WHERE i.workspace_id = :workspace AND i.accepted_at IS NULL AND i.expires_at > :now"
					+ PageCursor.condition(after, "i.created_at", "i.id") + " ORDER BY i.created_at, i.id LIMIT :limit")
			.param("workspace", workspace.value())
			.param("now", utc(now))
			.param("limit", limit);
		return PageCursor.bind(after, query).query(Invitations::map).list();
	}

	/** Deletes an invitation not accepted yet; {@code false} when there is none. */
	boolean revoke(WorkspaceId workspace, InvitationId id) {
		return this.jdbc.sql("DELETE FROM invitations WHERE workspace_id = ? AND id = ? AND accepted_at IS NULL")
			.params(workspace.value(), id.value())
			.update() == 1;
	}

	/** Deletes the invitations to this address not accepted yet. */
	void revokeAll(WorkspaceId workspace, String email) {
		this.jdbc.sql("DELETE FROM invitations WHERE workspace_id = ? AND email = ? AND accepted_at IS NULL")
			.params(workspace.value(), email)
			.update();
	}

	/**
	 * Marks the invitation accepted if it is still pending. The condition is checked by
	 * the database on the locked row, so of two concurrent accepts exactly one gets
	 * {@code true}.
	 */
	boolean claim(InvitationId id, Instant now) {
		return this.jdbc.sql("""
				UPDATE invitations SET accepted_at = :now
				WHERE id = :id AND accepted_at IS NULL AND expires_at > :now
				""").param("now", utc(now)).param("id", id.value()).update() == 1;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Invitation map(ResultSet row, int number) throws SQLException {
		UUID custom = row.getObject("custom_role_id", UUID.class);
		MemberRole role = (custom != null)
				? new MemberRole(row.getString("custom_name"), null, new RoleId(custom),
						CustomRoles.permissionsOf(row.getString("permissions")))
				: Role.parse(row.getString("role")).map(MemberRole::of).orElse(MemberRole.DELETED_CUSTOM_ROLE);
		OffsetDateTime accepted = row.getObject("accepted_at", OffsetDateTime.class);
		return new Invitation(new InvitationId(row.getObject("id", UUID.class)),
				new WorkspaceId(row.getObject("workspace_id", UUID.class)), row.getString("email"), role,
				UserId.ofValue(row.getObject("supervisor_id", UUID.class)),
				new UserId(row.getObject("invited_by", UUID.class)),
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				row.getObject("expires_at", OffsetDateTime.class).toInstant(),
				(accepted != null) ? accepted.toInstant() : null);
	}

}
