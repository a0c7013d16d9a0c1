package io.parley.conversation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.parley.identity.UserId;
import io.parley.workspace.WorkspaceId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who handles conversations now, many at once: for a module that learns of messages in
 * bulk and must not ask once per message (the notifications of customer messages).
 */
@Service
public class ConversationAgents {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	ConversationAgents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The agent each of these conversations is assigned to, of any workspace; those
	 * without an agent, and closed ones, are left out.
	 */
	@Transactional(readOnly = true)
	public Map<ConversationId, Handling> of(Collection<ConversationId> conversations) {
		Map<ConversationId, Handling> handled = new HashMap<>();
		List<UUID> ids = conversations.stream().map(ConversationId::value).distinct().toList();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<UUID> chunk = new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
			this.jdbc
				.sql("SELECT id, workspace_id, agent_id FROM conversations WHERE id IN (:ids) "
						+ "AND agent_id IS NOT NULL AND status <> 'closed'")
				.param("ids", chunk)
				.query((row, number) -> handled.put(new ConversationId(row.getObject("id", UUID.class)),
						new Handling(new WorkspaceId(row.getObject("workspace_id", UUID.class)),
								new UserId(row.getObject("agent_id", UUID.class)))))
				.list();
		}
		return handled;
	}

	/** A conversation's workspace and the agent who handles it. */
	public record Handling(WorkspaceId workspace, UserId agent) {
	}

}
