package io.parley.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs again, every {@code parley.events.retry-interval}, the reactions to events between
 * modules that failed (a mail server that was down, say), so an event is not lost until
 * the next restart. Only failed publications are taken: one still running elsewhere is
 * not started twice. Publications a crash left unfinished run again at start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}, decision 35).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventRetry {

	/** Bounded, so a long outage does not start thousands of retries at once. */
	private static final ResubmissionOptions OPTIONS = ResubmissionOptions.defaults()
		.withBatchSize(20)
		.withMaxInFlight(20);

	private final FailedEventPublications failed;

	EventRetry(FailedEventPublications failed) {
		this.failed = failed;
	}

	@Scheduled(fixedDelayString = "${parley.events.retry-interval}",
			initialDelayString = "${parley.events.retry-interval}")
	void retryFailed() {
		this.failed.resubmit(OPTIONS);
	}

}
