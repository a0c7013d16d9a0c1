package io.parley.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mail server's port relayed through one of its own, which a test takes away and gives
 * back: the connections through it drop as when a network or server goes away.
 */
final class TcpRelay implements AutoCloseable {

	private final int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	/** Per accepted connection, in order: how many bytes its client sent. */
	private final List<AtomicLong> clientBytes = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	private int port;

	TcpRelay(int target) throws IOException {
		this.target = target;
		listen();
	}

	int port() {
		return this.port;
	}

	/** How many bytes the client of the relay's first connection has sent. */
	long firstClientBytes() {
		return this.clientBytes.isEmpty() ? 0 : this.clientBytes.get(0).get();
	}

	/** Accepts connections again, on the same port. */
	synchronized void listen() throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress("127.0.0.1", this.port));
		this.port = socket.getLocalPort();
		this.listener = socket;
		Thread accepting = new Thread(() -> accept(socket), "relay-" + this.port);
		accepting.setDaemon(true);
		accepting.start();
	}

	/** Stops accepting and drops every connection. */
	synchronized void drop() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	@Override
	public void close() throws IOException {
		drop();
	}

	private void accept(ServerSocket listener) {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				Socket server = new Socket("127.0.0.1", this.target);
				this.sockets.add(client);
				this.sockets.add(server);
				AtomicLong counted = new AtomicLong();
				this.clientBytes.add(counted);
				pump(client, server, counted);
				pump(server, client, new AtomicLong());
			}
			catch (IOException ex) {
				// the listener was closed: drop() ends the accepting
			}
		}
	}

	private static void pump(Socket from, Socket to, AtomicLong counted) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				byte[] buffer = new byte[8192];
				for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
					out.write(buffer, 0, read);
					counted.addAndGet(read);
				}
			}
			catch (IOException ex) {
				// a dropped connection
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ex) {
					// already closed
				}
			}
		}, "relay-pump");
		thread.setDaemon(true);
		thread.start();
	}

}
