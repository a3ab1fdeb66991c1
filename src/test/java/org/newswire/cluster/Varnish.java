package org.newswire.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.newswire.Prerequisite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A varnishd of the test's own running the shipped docs/deploy/edge.vcl with the nodes'
 * ports and its assembly socket put in, on a free loopback port, in the foreground of a
 * child process.
 */
final class Varnish implements AutoCloseable {

	static final Path VARNISHD = Path.of("/usr/sbin/varnishd");

	static final Path VCL = Path.of("docs/deploy/edge.vcl");

	/** The parameters the edge runs with wherever it runs. */
	static final Path PARAMS = Path.of("docs/deploy/varnishd.params");

	private final Process process;

	private final Path directory;

	private final int port;

	private Varnish(Process process, Path directory, int port) {
		this.process = process;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * Fails in CI (.ci/run installs Debian's varnish and varnish-modules) and skips
	 * elsewhere when varnishd is missing ({@link Prerequisite}).
	 */
	static void required() {
		Prerequisite.require(Files.isExecutable(VARNISHD), "CI must install varnish and varnish-modules (see .ci/run)",
				"Install varnish and varnish-modules to run the edge tests");
	}

	/**
	 * Starts the edge in front of the nodes listening on the two ports, and waits until
	 * it answers through one of them.
	 */
	static Varnish start(int node1, int node2) throws IOException, InterruptedException {
		required();
		Path directory = Files.createTempDirectory("newswire-edge");
		String vcl = Files.readString(VCL, StandardCharsets.UTF_8)
			.replace(".port = \"8080\";", ".port = \"" + node1 + "\";")
			.replace(".port = \"8082\";", ".port = \"" + node2 + "\";")
			.replace("/var/lib/varnish/newswire/assembly.sock", directory.resolve("assembly.sock").toString());
		Path file = directory.resolve("edge.vcl");
		Files.writeString(file, vcl, StandardCharsets.UTF_8);
		int port = freePort();
		// As root varnishd drops to its own user, which must reach its working directory.
		directory.toFile().setReadable(true, false);
		directory.toFile().setExecutable(true, false);
		List<String> command = new ArrayList<>(List.of(VARNISHD.toString(), "-F", "-a", "127.0.0.1:" + port, "-a",
				"assembly=" + directory.resolve("assembly.sock") + ",mode=666", "-f", file.toString(), "-n",
				directory.resolve("work").toString(), "-s", "malloc,64m", "-p", "default_ttl=0"));
		for (String line : Files.readAllLines(PARAMS, StandardCharsets.UTF_8)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				command.addAll(List.of(line.trim().split("\\s+")));
			}
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(directory.resolve("varnishd.log").toFile())
			.start();
		Varnish varnish = new Varnish(process, directory, port);
		varnish.awaitAnswering();
		return varnish;
	}

	private void awaitAnswering() throws IOException, InterruptedException {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until) {
			if (!this.process.isAlive()) {
				fail("varnishd stopped: " + Files.readString(this.directory.resolve("varnishd.log")));
			}
			try (var socket = new java.net.Socket("127.0.0.1", this.port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		fail("varnishd did not listen within 30 s");
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	int port() {
		return this.port;
	}

	/** A counter of varnishstat, e.g. {@code MAIN.cache_hit}. */
	long counter(String name) throws IOException, InterruptedException {
		Process stat = new ProcessBuilder("varnishstat", "-1", "-n", this.directory.resolve("work").toString(), "-f",
				name)
			.redirectErrorStream(true)
			.start();
		String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		stat.waitFor(10, TimeUnit.SECONDS);
		for (String line : out.split("\n")) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length >= 2 && fields[0].equals(name)) {
				return Long.parseLong(fields[1]);
			}
		}
		return fail("No counter " + name + " in " + out);
	}

	/**
	 * The requests the edge sent to the two nodes, its own assembly layer's not counted.
	 */
	long nodeFetches() throws IOException, InterruptedException {
		return counter("VBE.boot.node1.req") + counter("VBE.boot.node2.req");
	}

	/** Sends a purge of the tags, in the given header (xkey-softpurge or xkey-purge). */
	void purge(String header, String tags) throws IOException, InterruptedException {
		int status = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri("/"))
				.method("PURGE", HttpRequest.BodyPublishers.noBody())
				.header(header, tags)
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
		assertThat(status).as("purge of " + tags).isEqualTo(200);
	}

	/** Whether the probe counts any node healthy, as varnishadm lists the backends. */
	boolean anyNodeInRotation() throws IOException, InterruptedException {
		Process list = new ProcessBuilder("varnishadm", "-n", this.directory.resolve("work").toString(), "backend.list")
			.redirectErrorStream(true)
			.start();
		String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		list.waitFor(10, TimeUnit.SECONDS);
		return out.lines().anyMatch((line) -> line.contains(".node") && line.contains(" healthy "));
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
