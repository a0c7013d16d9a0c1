package io.parley.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;

/**
 * A customer's website on a second origin ({@code http://127.0.0.1:<its port>}, where the
 * application is {@code http://localhost:<port>}): a tiny JDK HTTP server answering pages
 * a test sets, for embedding the widget as a real site would. Close it when done.
 */
public final class HostPage implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, String> pages = new ConcurrentHashMap<>();

	private HostPage(HttpServer server) {
		this.server = server;
	}

	public static HostPage start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			HostPage host = new HostPage(server);
			server.createContext("/", (exchange) -> {
				String page = host.pages.get(exchange.getRequestURI().getPath());
				byte[] body = ((page != null) ? page : "Not found").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
				exchange.sendResponseHeaders((page != null) ? 200 : 404, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return host;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** This site's origin, as a browser sends it in {@code Origin}. */
	public String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Serves {@code html} at {@code path}; returns the page's address. */
	public String serve(String path, String html) {
		this.pages.put(path, html);
		return origin() + path;
	}

	/**
	 * A plain page embedding the widget of {@code key} from the application on
	 * {@code appPort}; {@code beforeLoader} runs first (the page API's queue is set up
	 * before it, as the documented snippet does).
	 */
	public String embed(String path, int appPort, String key, String beforeLoader) {
		return serve(path, """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>Acme shop</title></head>
				<body style="font-family: Georgia, serif; background: #fafaf9; margin: 40px">
				<h1>Acme shop</h1>
				<p>Everything a customer might need, and a chat if they do not find it.</p>
				<script>
				window.Parley = window.Parley || function () { (Parley.q = Parley.q || []).push(arguments); };
				window.events = [];
				%s
				</script>
				<script src="http://localhost:%d/widget.js" data-key="%s" async></script>
				</body></html>
				""".formatted(beforeLoader, appPort, key));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
