package io.parley.conversation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.parley.system.ErrorCode;
import io.parley.system.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The group-commit engine, knowing nothing of conversations: one thread takes whatever
 * waits in a bounded queue and hands it to the batch function as one batch. Alone, a
 * request is handled at once; under load, many share a batch, and so a commit.
 * <p>
 * Every wait is bounded: a full queue refuses at once, a request still queued when its
 * wait runs out is withdrawn (so it is certainly not stored), and the thread survives any
 * {@link Throwable} of a batch, failing only that batch.
 *
 * @param <I> a request
 * @param <O> its outcome
 */
final class CommitLane<I, O> {

	private static final Logger log = LoggerFactory.getLogger(CommitLane.class);

	private static final long POLL_MILLIS = 100;

	private final String name;

	private final BlockingQueue<Request<I, O>> queue;

	private final int maxBatch;

	private final Duration maxWait;

	private final Function<List<I>, List<O>> batchFunction;

	private volatile Thread thread;

	/**
	 * @param batchFunction handles a batch and returns one outcome per request, in order;
	 * what it throws fails the whole batch
	 */
	CommitLane(String name, int capacity, int maxBatch, Duration maxWait, Function<List<I>, List<O>> batchFunction) {
		this.name = name;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.maxBatch = maxBatch;
		this.maxWait = maxWait;
		this.batchFunction = batchFunction;
	}

	/**
	 * Queues the request and waits for its outcome.
	 * @throws ParleyException {@link ErrorCode#SERVER_BUSY} when the queue is full or the
	 * request waited too long without being taken, {@link ErrorCode#INTERNAL_ERROR} when
	 * its batch failed
	 * @throws IllegalStateException when called inside a transaction: the batch commits
	 * in its own, which the caller's could neither see nor roll back
	 */
	O submit(I item) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Messages are written outside of any transaction");
		}
		Request<I, O> request = new Request<>(item);
		if (this.thread == null || !this.queue.offer(request)) {
			throw ErrorCode.SERVER_BUSY.exception();
		}
		try {
			try {
				return request.result.get(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				if (request.withdraw()) {
					throw ErrorCode.SERVER_BUSY.exception();
				}
				// its batch is being committed, which the database's statement timeout
				// bounds
				return request.result.get();
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ErrorCode.SERVER_BUSY.exception();
		}
	}

	int queued() {
		return this.queue.size();
	}

	void start() {
		Thread started = new Thread(this::run, this.name);
		started.setDaemon(true);
		this.thread = started;
		started.start();
	}

	/**
	 * Lets the batch in progress finish, then fails what still waits. The thread is never
	 * interrupted: an interrupt during file I/O would close the embedded database's file
	 * channel.
	 */
	void stop() {
		Thread running = this.thread;
		this.thread = null;
		if (running != null) {
			try {
				running.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		failWaiting();
	}

	boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		List<Request<I, O>> drained = new ArrayList<>(this.maxBatch);
		List<Request<I, O>> batch = new ArrayList<>(this.maxBatch);
		while (this.thread == Thread.currentThread()) {
			try {
				Request<I, O> first = this.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				drained.add(first);
				this.queue.drainTo(drained, this.maxBatch - 1);
				for (Request<I, O> request : drained) {
					if (request.take()) {
						batch.add(request);
					}
				}
				if (!batch.isEmpty()) {
					handle(batch);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				drained.clear();
				batch.clear();
			}
		}
	}

	private void handle(List<Request<I, O>> batch) {
		List<O> outcomes;
		try {
			outcomes = this.batchFunction.apply(batch.stream().map(Request::item).toList());
		}
		catch (Throwable ex) {
			// an Error too: the thread lives on, the batch fails, later requests are
			// served
			log.error("A batch of {} failed in {}", batch.size(), this.name, ex);
			batch.forEach((request) -> request.result.completeExceptionally(ErrorCode.INTERNAL_ERROR.exception()));
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).result.complete(outcomes.get(i));
		}
	}

	private void failWaiting() {
		Request<I, O> request;
		while ((request = this.queue.poll()) != null) {
			if (request.take()) {
				request.result.completeExceptionally(ErrorCode.SERVER_BUSY.exception());
			}
		}
	}

	private static final class Request<I, O> {

		private static final int QUEUED = 0;

		private static final int TAKEN = 1;

		private static final int WITHDRAWN = 2;

		private final I item;

		private final CompletableFuture<O> result = new CompletableFuture<>();

		private final AtomicInteger state = new AtomicInteger(QUEUED);

		Request(I item) {
			this.item = item;
		}

		I item() {
			return this.item;
		}

		boolean take() {
			return this.state.compareAndSet(QUEUED, TAKEN);
		}

		boolean withdraw() {
			return this.state.compareAndSet(QUEUED, WITHDRAWN);
		}

	}

}
