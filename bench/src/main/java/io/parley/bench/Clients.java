package io.parley.bench;

import java.net.http.HttpClient;
import java.time.Duration;

/** A few HTTP clients in turn, so one selector thread does not carry every socket. */
final class Clients {

	private final HttpClient[] clients;

	private int next;

	Clients(int count) {
		this.clients = new HttpClient[count];
		for (int i = 0; i < count; i++) {
			this.clients[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
		}
	}

	synchronized HttpClient next() {
		HttpClient client = this.clients[this.next];
		this.next = (this.next + 1) % this.clients.length;
		return client;
	}

}
