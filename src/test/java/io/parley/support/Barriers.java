package io.parley.support;

import java.util.concurrent.CyclicBarrier;

/**
 * Lines threads up so their requests race.
 */
public final class Barriers {

	private Barriers() {
	}

	public static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
