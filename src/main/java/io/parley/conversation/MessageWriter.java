package io.parley.conversation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.parley.identity.Caller;
import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits messages in groups (group commit): whatever is waiting when one commit returns
 * goes into the next transaction, with one lock per conversation and one batched insert.
 * Alone, a message is committed at once; under load, many share a commit, which is what a
 * commit costs most (on H2, a write of the file). A caller returns only when its message
 * is committed.
 */
@Component
class MessageWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MessageWriter.class);

	static final int MAX_BATCH = 256;

	private static final long POLL_MILLIS = 100;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final TransactionTemplate transactions;

	private final Conversations conversations;

	private final Messages messages;

	private final ApplicationEventPublisher events;

	private volatile Thread writer;

	MessageWriter(TransactionTemplate transactions, Conversations conversations, Messages messages,
			ApplicationEventPublisher events) {
		this.transactions = transactions;
		this.conversations = conversations;
		this.messages = messages;
		this.events = events;
	}

	/**
	 * Appends a message and waits until it is committed.
	 * @throws ParleyException when the sender may not write to the conversation, or it is
	 * closed
	 */
	Message write(Caller sender, ConversationId conversation, MessageType type, String content) {
		Pending pending = new Pending(sender, conversation, type, content, new CompletableFuture<>());
		this.queue.add(pending);
		if (this.writer == null) {
			failWaiting();
		}
		try {
			return pending.result().get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the message was being stored", ex);
		}
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(MAX_BATCH);
		while (this.writer == Thread.currentThread()) {
			try {
				Pending first = this.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
		failWaiting();
	}

	private void commit(List<Pending> batch) {
		List<Outcome> outcomes;
		try {
			outcomes = this.transactions.execute((status) -> append(batch));
		}
		catch (RuntimeException ex) {
			if (batch.size() > 1) {
				// one bad message must not fail the others: retry them one by one
				batch.forEach((pending) -> commit(List.of(pending)));
				return;
			}
			log.error("Could not store a message of conversation {}", batch.get(0).conversation(), ex);
			batch.get(0).result().completeExceptionally(ErrorCode.INTERNAL_ERROR.exception());
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			Outcome outcome = outcomes.get(i);
			if (outcome.message() != null) {
				batch.get(i).result().complete(outcome.message());
			}
			else {
				batch.get(i).result().completeExceptionally(outcome.refusal());
			}
		}
	}

	private List<Outcome> append(List<Pending> batch) {
		Map<ConversationId, Conversation> locked = new LinkedHashMap<>();
		this.conversations.lockAll(batch.stream().map(Pending::conversation).distinct().toList())
			.forEach((conversation) -> locked.put(conversation.id(), conversation));
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		List<Message> appended = new ArrayList<>(batch.size());
		Set<Conversation> reopened = new LinkedHashSet<>();
		for (Pending pending : batch) {
			Conversation conversation = locked.get(pending.conversation());
			if (conversation == null || !conversation.workspaceId().equals(pending.sender().workspaceId())) {
				// another workspace's conversation answers as one that does not exist
				outcomes.add(Outcome.refused(ErrorCode.CONVERSATION_NOT_FOUND.exception()));
				continue;
			}
			if (!mayWrite(conversation, pending)) {
				outcomes.add(Outcome.refused(ErrorCode.CONVERSATION_NOT_ACCESSIBLE.exception()));
				continue;
			}
			try {
				ConversationStatus before = conversation.status();
				Message message = conversation.append(pending.sender(), pending.type(), pending.content());
				if (conversation.status() != before) {
					reopened.add(conversation);
				}
				appended.add(message);
				outcomes.add(new Outcome(message, null));
			}
			catch (ParleyException ex) {
				outcomes.add(Outcome.refused(ex));
			}
		}
		if (!appended.isEmpty()) {
			this.messages.addAll(appended);
			this.conversations.saveAppended(locked.values());
		}
		// a customer's message brought these back from waiting or resolved: the inboxes
		// show it on commit (rare, so the writer thread can afford it)
		reopened.forEach((conversation) -> this.events
			.publishEvent(new ConversationChanged(ConversationSnapshot.of(conversation))));
		return outcomes;
	}

	/**
	 * Participants write to their conversations; internal notes come from the staff who
	 * can see it.
	 */
	private static boolean mayWrite(Conversation conversation, Pending pending) {
		Caller sender = pending.sender();
		return (pending.type() == MessageType.NOTE)
				? MessageLog.seesNotes(sender, conversation) && conversation.isVisibleTo(sender)
				: conversation.hasParticipant(sender);
	}

	private void failWaiting() {
		Pending pending;
		while ((pending = this.queue.poll()) != null) {
			pending.result().completeExceptionally(ErrorCode.INTERNAL_ERROR.exception());
		}
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::run, "parley-message-writer");
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	/**
	 * Lets the batch in progress commit, then fails what still waits. The thread is never
	 * interrupted: an interrupt during file I/O would close the embedded database's file
	 * channel.
	 */
	@Override
	public void stop() {
		Thread thread = this.writer;
		this.writer = null;
		if (thread != null) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	/** Stops after the web server, so nothing is accepted that cannot be stored. */
	@Override
	public int getPhase() {
		return 0;
	}

	private record Pending(Caller sender, ConversationId conversation, MessageType type, String content,
			CompletableFuture<Message> result) {
	}

	private record Outcome(Message message, ParleyException refusal) {

		static Outcome refused(ParleyException refusal) {
			return new Outcome(null, refusal);
		}

	}

}
