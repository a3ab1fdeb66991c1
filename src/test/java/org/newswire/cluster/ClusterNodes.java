package org.newswire.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.newswire.NewswireApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whole application nodes on random ports, all on the CI PostgreSQL database, as a
 * cluster runs them. CI provides the database (see .ci/run); without it a test fails in
 * CI and is reported as skipped on a developer machine.
 */
final class ClusterNodes implements AutoCloseable {

	private final String url;

	private final String user;

	private final String password;

	private final List<Node> started = new ArrayList<>();

	private final HttpClient http = HttpClient.newHttpClient();

	private ClusterNodes(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	/** Connects to the CI database and empties it. */
	static ClusterNodes onEmptyDatabase() {
		String url = System.getenv("NEWSWIRE_TEST_POSTGRES_URL");
		if (url == null) {
			if (System.getenv("CI") != null) {
				fail("CI must provide PostgreSQL through NEWSWIRE_TEST_POSTGRES_URL (see .ci/run)");
			}
			Assumptions.abort("Set NEWSWIRE_TEST_POSTGRES_URL, _USER and _PASSWORD to run the cluster tests");
		}
		ClusterNodes nodes = new ClusterNodes(url, System.getenv("NEWSWIRE_TEST_POSTGRES_USER"),
				System.getenv("NEWSWIRE_TEST_POSTGRES_PASSWORD"));
		Flyway.configure().dataSource(url, nodes.user, nodes.password).cleanDisabled(false).load().clean();
		return nodes;
	}

	Node start(String name) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NewswireApplication.class)
			.profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
					"--spring.datasource.password=" + this.password, "--spring.application.name=newswire-" + name);
		Node node = new Node(name, context, this.http);
		this.started.add(node);
		return node;
	}

	HttpClient http() {
		return this.http;
	}

	@Override
	public void close() {
		this.started.forEach(Node::stop);
	}

	/**
	 * One running application.
	 */
	record Node(String name, ConfigurableApplicationContext context, HttpClient http) {

		<T> T bean(Class<T> type) {
			return this.context.getBean(type);
		}

		URI uri(String path) {
			return URI
				.create("http://localhost:" + this.context.getEnvironment().getProperty("local.server.port") + path);
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
		}

		String body(String path) throws IOException, InterruptedException {
			return get(path).body();
		}

		void stop() {
			if (this.context.isActive()) {
				this.context.close();
			}
		}

	}

}
