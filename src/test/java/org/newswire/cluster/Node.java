package org.newswire.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.newswire.NewswireApplication;
import org.newswire.TestPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of the portal in this JVM: the whole application on random public and
 * management ports, on the {@code postgres} profile against a test database.
 */
final class Node implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private Node(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static Node start(TestPostgres db, String... arguments) {
		String[] all = Stream
			.concat(Stream.of(db.arguments("--server.port=0", "--management.server.port=0")), Stream.of(arguments))
			.toArray(String[]::new);
		return new Node(new SpringApplicationBuilder(NewswireApplication.class).profiles("postgres").run(all));
	}

	/**
	 * Two nodes started at the same time on the same database, as a deployment starts
	 * them; neither is left running if the other fails to start.
	 */
	static List<Node> startTogether(TestPostgres db, String... arguments) {
		// Two applications setting up the JVM's one logging system at once race in
		// Logback; these nodes log through the set-up an earlier context left.
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			List<CompletableFuture<Node>> starting = List.of(CompletableFuture.supplyAsync(() -> start(db, arguments)),
					CompletableFuture.supplyAsync(() -> start(db, arguments)));
			try {
				return starting.stream().map(CompletableFuture::join).toList();
			}
			catch (CompletionException ex) {
				starting.forEach((node) -> node.thenAccept(Node::close).exceptionally((failed) -> null).join());
				throw ex;
			}
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}
	}

	/**
	 * Closes the nodes a test class started, passing over those that never started.
	 */
	static void closeAll(Node... nodes) {
		for (Node node : nodes) {
			if (node != null) {
				node.close();
			}
		}
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.context.getEnvironment().getProperty("local.server.port") + path);
	}

	URI management(String path) {
		return URI
			.create("http://localhost:" + this.context.getEnvironment().getProperty("local.management.port") + path);
	}

	static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
