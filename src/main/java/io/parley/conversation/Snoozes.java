package io.parley.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.parley.system.ErrorCode;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.WorkspaceId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Snoozing a conversation until a time (decision 83): it leaves the inbox's active views
 * and comes back on its own when the time comes, or as soon as anything happens in it (a
 * message, a change), since the inbox treats a conversation changed after it was snoozed
 * as awake. Kept beside the aggregate, in two columns the message path never touches, so
 * a message costs nothing more.
 */
@Service
public class Snoozes {

	/** The longest a conversation may sleep. */
	public static final Duration MAX = Duration.ofDays(366);

	private final JdbcClient jdbc;

	private final Conversations conversations;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Snoozes(JdbcClient jdbc, Conversations conversations, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.conversations = conversations;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Snoozes an active conversation the caller may change until {@code until}.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a time not in the future or more than {@link #MAX} ahead,
	 * {@link ErrorCode#CONVERSATION_NOT_FOUND},
	 * {@link ErrorCode#CONVERSATION_NOT_ACCESSIBLE},
	 * {@link ErrorCode#CONVERSATION_ALREADY_CLOSED} for one resolved or closed
	 */
	@Transactional
	public Instant snooze(Caller caller, ConversationId id, Instant until) {
		caller.require(Permission.UPDATE_CONVERSATION);
		Conversation conversation = locked(caller, id);
		Instant now = Timestamps.now(this.clock);
		if (until == null || !until.isAfter(now) || until.isAfter(now.plus(MAX))) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		if (!conversation.isActive()) {
			throw ErrorCode.CONVERSATION_ALREADY_CLOSED.exception();
		}
		Instant wakeAt = until.truncatedTo(ChronoUnit.MILLIS);
		set(caller.workspaceId(), id, wakeAt, now);
		publish(caller.workspaceId(), id);
		return wakeAt;
	}

	/**
	 * Wakes the conversation now.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#CONVERSATION_NOT_FOUND},
	 * {@link ErrorCode#CONVERSATION_NOT_ACCESSIBLE}
	 */
	@Transactional
	public void wake(Caller caller, ConversationId id) {
		caller.require(Permission.UPDATE_CONVERSATION);
		locked(caller, id);
		set(caller.workspaceId(), id, null, null);
		publish(caller.workspaceId(), id);
	}

	/**
	 * Until when the conversation sleeps; empty once it is awake (its time passed, or
	 * something happened in it since). For read models that checked their caller.
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> until(WorkspaceId workspace, ConversationId id) {
		return this.jdbc
			.sql("SELECT snoozed_until FROM conversations WHERE workspace_id = :workspace AND id = :id AND "
					+ asleepSql(""))
			.param("workspace", workspace.value())
			.param("id", id.value())
			.param("now", Timestamps.now(this.clock).atOffset(ZoneOffset.UTC))
			.query((row, number) -> row.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * Wakes the conversations whose time came, so that the inboxes move them back
	 * ({@code CONVERSATION_UPDATED}); every {@code PARLEY_SNOOZE_CHECK_INTERVAL}. Each is
	 * cleared by a conditional update, so of several nodes only one announces it.
	 */
	@Scheduled(fixedDelayString = "${parley.snooze.check-interval}",
			initialDelayString = "${parley.snooze.check-interval}")
	public void wakeDue() {
		OffsetDateTime now = Timestamps.now(this.clock).atOffset(ZoneOffset.UTC);
		List<Due> due = this.jdbc
			.sql("SELECT workspace_id, id, snoozed_until FROM conversations WHERE snoozed_until <= :now")
			.param("now", now)
			.query((row, number) -> new Due(new WorkspaceId(row.getObject(1, UUID.class)),
					new ConversationId(row.getObject(2, UUID.class)), row.getObject(3, OffsetDateTime.class)))
			.list();
		for (Due conversation : due) {
			int cleared = this.jdbc
				.sql("UPDATE conversations SET snoozed_until = NULL, snoozed_at = NULL "
						+ "WHERE id = :id AND snoozed_until = :until")
				.param("id", conversation.id().value())
				.param("until", conversation.until())
				.update();
			if (cleared == 1) {
				publish(conversation.workspace(), conversation.id());
			}
		}
	}

	/**
	 * The condition for a conversation asleep now ({@code :now} bound): its time has not
	 * come, and nothing happened in it since it was snoozed.
	 * @param table the conversations' alias with its dot, or {@code ""}
	 */
	static String asleepSql(String table) {
		return "(" + table + "snoozed_until IS NOT NULL AND " + table + "snoozed_until > :now AND " + table
				+ "updated_at <= " + table + "snoozed_at)";
	}

	/** The opposite of {@link #asleepSql}, NULLs included. */
	static String awakeSql(String table) {
		return "(" + table + "snoozed_until IS NULL OR " + table + "snoozed_until <= :now OR " + table + "updated_at > "
				+ table + "snoozed_at)";
	}

	private Conversation locked(Caller caller, ConversationId id) {
		Conversation conversation = this.conversations.lock(caller.workspaceId(), id)
			.orElseThrow(ErrorCode.CONVERSATION_NOT_FOUND::exception);
		if (!conversation.isVisibleTo(caller)) {
			throw ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception();
		}
		return conversation;
	}

	private void set(WorkspaceId workspace, ConversationId id, Instant until, Instant at) {
		this.jdbc
			.sql("UPDATE conversations SET snoozed_until = :until, snoozed_at = :at, "
					+ "updated_at = COALESCE(:at, updated_at) WHERE workspace_id = :workspace AND id = :id")
			.param("until", (until != null) ? until.atOffset(ZoneOffset.UTC) : null)
			.param("at", (at != null) ? at.atOffset(ZoneOffset.UTC) : null)
			.param("workspace", workspace.value())
			.param("id", id.value())
			.update();
	}

	private void publish(WorkspaceId workspace, ConversationId id) {
		this.conversations.find(workspace, id)
			.ifPresent(
					(changed) -> this.events.publishEvent(new ConversationChanged(ConversationSnapshot.of(changed))));
	}

	private record Due(WorkspaceId workspace, ConversationId id, OffsetDateTime until) {
	}

}
