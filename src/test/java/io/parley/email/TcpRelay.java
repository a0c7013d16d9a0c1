package io.parley.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server's port relayed through one of its own, which a test takes away and gives
 * back: the connections through it drop as when a network or server goes away.
 */
final class TcpRelay implements AutoCloseable {

	private final int target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	private int port;

	TcpRelay(int target) throws IOException {
		this.target = target;
		listen();
	}

	int port() {
		return this.port;
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
				pump(client, server);
				pump(server, client);
			}
			catch (IOException ex) {
				// the listener was closed: drop() ends the accepting
			}
		}
	}

	private static void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
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
