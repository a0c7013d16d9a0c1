package io.parley.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.parley.conversation.ConversationAssigned;
import io.parley.conversation.ConversationClosed;
import io.parley.conversation.ConversationDeleted;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationOpened;
import io.parley.conversation.ConversationQueue;
import io.parley.conversation.QueueEstimate;
import io.parley.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells waiting visitors their place in the queue ({@code QUEUE}): when they join, and
 * when a conversation of their workspace enters or leaves the queue (opened, assigned,
 * closed). A change walks the workspace's visitors with the places of all its waiting
 * conversations, read at once (two queries, the expected wait being the workspace's), on
 * a thread of its own, never on the committing one. A workspace's walk is queued once:
 * changes while it waits are told by it, and changes while it runs queue one more.
 */
@Component
class QueueNotifier implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(QueueNotifier.class);

	private final ConversationQueue queue;

	private final ConnectionRegistry connections;

	private final Frames frames;

	/** The workspaces whose walk is queued and has not started. */
	private final Set<WorkspaceId> pending = ConcurrentHashMap.newKeySet();

	private final ThreadPoolExecutor updates = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new LinkedBlockingQueue<>(1000), (task) -> {
				Thread thread = new Thread(task, "parley-queue-updates");
				thread.setDaemon(true);
				return thread;
			});

	QueueNotifier(ConversationQueue queue, ConnectionRegistry connections, Frames frames) {
		this.queue = queue;
		this.connections = connections;
		this.frames = frames;
	}

	@EventListener
	void on(ConversationOpened event) {
		AfterCommit.run(() -> changed(event.conversation().workspaceId()));
	}

	@EventListener
	void on(ConversationAssigned event) {
		AfterCommit.run(() -> changed(event.workspaceId()));
	}

	@EventListener
	void on(ConversationClosed event) {
		AfterCommit.run(() -> changed(event.workspaceId()));
	}

	@EventListener
	void on(ConversationDeleted event) {
		AfterCommit.run(() -> changed(event.workspaceId()));
	}

	/** A visitor joined a conversation: their place, if it waits in the queue. */
	void joined(Connection connection, WorkspaceId workspace, ConversationId conversation) {
		if (connection.isIn(conversation)) {
			tell(connection, workspace, conversation);
		}
	}

	private void changed(WorkspaceId workspace) {
		if (!this.pending.add(workspace)) {
			// its walk is queued and has not started: it reads the places after this
			// change
			return;
		}
		try {
			this.updates.execute(() -> {
				this.pending.remove(workspace);
				walk(workspace);
			});
		}
		catch (RejectedExecutionException ex) {
			// shut down, or a thousand workspaces wait already
			this.pending.remove(workspace);
		}
	}

	private void walk(WorkspaceId workspace) {
		Map<ConversationId, QueueEstimate> places = null;
		for (Connection connection : this.connections.inWorkspace(workspace)) {
			if (connection.isSignedIn()) {
				continue;
			}
			for (ConversationId conversation : connection.rooms()) {
				if (places == null) {
					// read only when a visitor is in a room
					try {
						places = this.queue.queueOf(workspace);
					}
					catch (RuntimeException ex) {
						log.warn("Could not tell the visitors their places in the queue: {}", ex.getMessage());
						return;
					}
				}
				QueueEstimate estimate = places.get(conversation);
				if (estimate != null) {
					connection.send(this.frames.queue(conversation, estimate));
				}
			}
		}
	}

	private void tell(Connection connection, WorkspaceId workspace, ConversationId conversation) {
		try {
			this.queue.queueOf(workspace, conversation)
				.ifPresent((estimate) -> connection.send(this.frames.queue(conversation, estimate)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not tell a visitor their place in the queue: {}", ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.updates.shutdownNow();
	}

}
