package io.parley.realtime;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.parley.conversation.ConversationAssigned;
import io.parley.conversation.ConversationClosed;
import io.parley.conversation.ConversationId;
import io.parley.conversation.ConversationOpened;
import io.parley.conversation.ConversationQueue;
import io.parley.workspace.WorkspaceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells waiting visitors their place in the queue ({@code QUEUE}): when they join, and
 * when a conversation of their workspace enters or leaves the queue (opened, assigned,
 * closed). Each visitor's place is a query, so the updates run on a thread of their own,
 * never on the committing one; a burst of changes while one runs is taken as one.
 */
@Component
class QueueNotifier implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(QueueNotifier.class);

	private final ConversationQueue queue;

	private final ConnectionRegistry connections;

	private final Frames frames;

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

	/** A visitor joined a conversation: their place, if it waits in the queue. */
	void joined(Connection connection, WorkspaceId workspace, ConversationId conversation) {
		if (connection.isIn(conversation)) {
			tell(connection, workspace, conversation);
		}
	}

	private void changed(WorkspaceId workspace) {
		try {
			this.updates.execute(() -> {
				for (Connection connection : this.connections.inWorkspace(workspace)) {
					if (!connection.isSignedIn()) {
						for (ConversationId conversation : connection.rooms()) {
							tell(connection, workspace, conversation);
						}
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// a thousand updates wait already: theirs will tell the same places
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
