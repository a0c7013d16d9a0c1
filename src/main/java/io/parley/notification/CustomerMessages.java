package io.parley.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.parley.conversation.Author;
import io.parley.conversation.ConversationAgents;
import io.parley.conversation.ConversationId;
import io.parley.conversation.Message;
import io.parley.conversation.MessagePosted;
import io.parley.conversation.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Turns customer messages into {@code NEW_MESSAGE} notifications without a cost to the
 * message writer: {@link MessagePosted}, which the writer publishes after each commit
 * anyway, only records the message in a bounded map, one entry per conversation; a thread
 * of its own drains it, asks once per drain who handles those conversations, and adds
 * each conversation's messages to its agent's unread notification (decision 86).
 */
@Component
class CustomerMessages implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CustomerMessages.class);

	/** The most conversations waiting for a drain; more are dropped until it runs. */
	static final int MAX_PENDING = 10_000;

	private final ConcurrentHashMap<ConversationId, Pending> pending = new ConcurrentHashMap<>();

	private final ConversationAgents agents;

	private final Notifier notifier;

	private final Duration interval;

	private ScheduledExecutorService drainer;

	CustomerMessages(ConversationAgents agents, Notifier notifier,
			@Value("${parley.notifications.drain-interval:250ms}") Duration interval) {
		this.agents = agents;
		this.notifier = notifier;
		this.interval = interval;
	}

	/** On the writer's thread, after the commit: in memory only. */
	@EventListener
	void on(MessagePosted event) {
		Message message = event.message();
		if (message.author().type() != Author.Type.CONTACT || message.isInternal()) {
			return;
		}
		if (this.pending.size() >= MAX_PENDING && !this.pending.containsKey(message.conversationId())) {
			log.warn("Too many conversations with customer messages waiting for notifications; one is left out");
			return;
		}
		this.pending.merge(message.conversationId(), new Pending(1, Position.of(message), message.excerpt()),
				Pending::then);
	}

	/** Notifies of what waits; a failure leaves the rest to the next drain. */
	void drain() {
		if (this.pending.isEmpty()) {
			return;
		}
		Map<ConversationId, Pending> taken = new ConcurrentHashMap<>();
		for (ConversationId conversation : new ArrayList<>(this.pending.keySet())) {
			Pending messages = this.pending.remove(conversation);
			if (messages != null) {
				taken.put(conversation, messages);
			}
		}
		try {
			Map<ConversationId, ConversationAgents.Handling> handled = this.agents.of(taken.keySet());
			handled.forEach((conversation, handling) -> notify(conversation, handling, taken.get(conversation)));
		}
		catch (RuntimeException ex) {
			log.error("Could not notify agents of the customer messages of {} conversations", taken.size(), ex);
		}
	}

	private void notify(ConversationId conversation, ConversationAgents.Handling handling, Pending messages) {
		for (int attempt = 1;; attempt++) {
			try {
				this.notifier.customerWrote(handling.workspace(), handling.agent(), conversation, messages.count(),
						messages.last(), messages.excerpt());
				return;
			}
			catch (DataIntegrityViolationException ex) {
				// another node created the unread notification meanwhile: add to it
				if (attempt > 1) {
					log.error("Could not notify the agent of conversation {}", conversation, ex);
					return;
				}
			}
			catch (RuntimeException ex) {
				log.error("Could not notify the agent of conversation {}", conversation, ex);
				return;
			}
		}
	}

	@Override
	public void start() {
		this.drainer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "parley-notifications");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.drainer.scheduleWithFixedDelay(this::drain, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (this.drainer != null) {
			this.drainer.shutdown();
			this.drainer = null;
			drain();
		}
	}

	@Override
	public boolean isRunning() {
		return this.drainer != null;
	}

	/**
	 * Runs until after the message writers have stopped, so their last messages count.
	 */
	@Override
	public int getPhase() {
		return -1;
	}

	/** A conversation's customer messages since the last drain. */
	private record Pending(int count, Position last, String excerpt) {

		Pending then(Pending later) {
			return new Pending(this.count + later.count, later.last, later.excerpt);
		}

	}

}
