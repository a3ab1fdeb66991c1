package org.newswire.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import org.newswire.NewswireApplication;
import org.newswire.TestPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
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
