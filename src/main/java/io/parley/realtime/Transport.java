package io.parley.realtime;

import org.springframework.web.socket.CloseStatus;

/**
 * How a connection's frames reach its client: a WebSocket ({@link Outbox}) or a
 * server-sent event stream ({@link EventStream}). Queueing never blocks and never throws;
 * a client that falls behind is disconnected and resumes.
 */
interface Transport {

	/** Queues a live frame, within the transport's bound. */
	void offer(String frame);

	/** Queues a frame a resuming client asked for, beyond the bound. */
	void offerCatchUp(String frame);

	/** Nothing more is sent; what still waits is dropped. */
	void close();

	/** Ends the connection to the client, off the caller's thread. */
	void disconnect(CloseStatus status);

}
