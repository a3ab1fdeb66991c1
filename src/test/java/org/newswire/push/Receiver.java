package org.newswire.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback that keeps every request and answers with the statuses
 * it is told, then 200. Public for the cluster tests.
 */
public final class Receiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	private final Map<String, String> headers;

	public Receiver(Integer... statuses) throws IOException {
		this(Map.of(), statuses);
	}

	Receiver(Map<String, String> headers, Integer... statuses) throws IOException {
		this.headers = headers;
		this.statuses.addAll(List.of(statuses));
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			this.requests.add(
					new Request(exchange.getRequestHeaders(), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
		}
		int status;
		synchronized (this.statuses) {
			status = this.statuses.isEmpty() ? 200 : this.statuses.poll();
		}
		this.headers.forEach(exchange.getResponseHeaders()::add);
		byte[] answer = ("answered " + status).getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook");
	}

	public List<Request> requests() {
		return this.requests;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * @param headers as received; names are matched ignoring case
	 */
	public record Request(Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

}
