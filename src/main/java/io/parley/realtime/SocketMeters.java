package io.parley.realtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** The open sockets, for operators (see {@link Outboxes} for what waits to be sent). */
@Component
class SocketMeters {

	SocketMeters(ConnectionRegistry connections, MeterRegistry meters) {
		Gauge.builder("parley.ws.connections", connections, ConnectionRegistry::size)
			.description("Open authenticated sockets")
			.register(meters);
	}

}
