package io.parley.email;

import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code PARLEY_EMAIL_SEND_INTERVAL}: queues the agents' new replies on email
 * conversations and mails those that are due.
 */
@Component
class ReplyDelivery {

	private final ReplyQueue queue;

	private final ReplySender sender;

	private final Rounds rounds = new Rounds("email-sender");

	ReplyDelivery(ReplyQueue queue, ReplySender sender) {
		this.queue = queue;
		this.sender = sender;
	}

	@Scheduled(fixedDelayString = "${parley.email.send-interval}", initialDelayString = "${parley.email.send-interval}")
	void deliver() {
		this.rounds.start(this::deliverNow);
	}

	/** One round, on the caller's thread. */
	void deliverNow() {
		this.queue.queueNew();
		this.sender.sendDue();
	}

	@PreDestroy
	void stop() {
		this.rounds.stop();
	}

}
