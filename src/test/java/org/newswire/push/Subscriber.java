package org.newswire.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A WebSub subscriber on loopback: it answers the hub's verification GET with what
 * {@code answer} makes of the challenge (echoing it, by default), or with 404 when that
 * is {@code null}, and keeps every verification and distribution it gets.
 */
final class Subscriber implements AutoCloseable {

	private final HttpServer server;

	private final UnaryOperator<String> answer;

	private final List<Map<String, String>> verifications = new CopyOnWriteArrayList<>();

	private final List<Receiver.Request> distributions = new CopyOnWriteArrayList<>();

	Subscriber() throws IOException {
		this((challenge) -> challenge);
	}

	Subscriber(UnaryOperator<String> answer) throws IOException {
		this.answer = answer;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		if (exchange.getRequestMethod().equals("GET")) {
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			this.verifications.add(query);
			String body = this.answer.apply(query.get("hub.challenge"));
			if (body == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else {
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, bytes.length);
				exchange.getResponseBody().write(bytes);
			}
			exchange.close();
			return;
		}
		try (InputStream body = exchange.getRequestBody()) {
			this.distributions.add(new Receiver.Request(exchange.getRequestHeaders(),
					new String(body.readAllBytes(), StandardCharsets.UTF_8)));
		}
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : raw.split("&")) {
			String[] parts = pair.split("=", 2);
			query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		return query;
	}

	URI callback() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/websub/callback");
	}

	/** The query of each verification GET, in order. */
	List<Map<String, String>> verifications() {
		return this.verifications;
	}

	List<Receiver.Request> distributions() {
		return this.distributions;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
