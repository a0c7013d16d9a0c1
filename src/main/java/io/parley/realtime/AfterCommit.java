package io.parley.realtime;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a fan-out once the publishing transaction has committed, exactly when an
 * AFTER_COMMIT {@code @TransactionalEventListener} would run. The notifiers are plain
 * {@code @EventListener}s instead because Spring Modulith's event publication registry
 * wraps every AFTER_COMMIT transactional listener and writes to {@code event_publication}
 * on each call: a database write per message for a push that means nothing after a
 * restart (decision 35).
 */
final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs {@code fanOut} after the current transaction commits; never without one, as
	 * {@code @TransactionalEventListener} skips an event published outside a transaction.
	 */
	static void run(Runnable fanOut) {
		if (inTransaction()) {
			TransactionSynchronizationManager.registerSynchronization(new OnCommit(fanOut));
		}
	}

	/**
	 * Runs {@code fanOut} after the current transaction commits, or at once when there is
	 * none, as {@code @TransactionalEventListener(fallbackExecution = true)}.
	 */
	static void runOrNow(Runnable fanOut) {
		if (inTransaction()) {
			TransactionSynchronizationManager.registerSynchronization(new OnCommit(fanOut));
		}
		else {
			fanOut.run();
		}
	}

	private static boolean inTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive();
	}

	/** Like Spring's own listener synchronization: in afterCompletion, once committed. */
	private record OnCommit(Runnable fanOut) implements TransactionSynchronization {

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED) {
				this.fanOut.run();
			}
		}

	}

}
