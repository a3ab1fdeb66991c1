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

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A varnishd of the test's own, started by docs/deploy/varnishd.sh with the nodes' ports,
 * on a free loopback port, in the foreground of a child process.
 */
final class Varnish implements AutoCloseable {

	static final Path VARNISHD = Path.of("/usr/sbin/varnishd");

	/** Starts the edge as cluster.sh and bench.sh start it, here in the foreground. */
	static final Path LAUNCHER = Path.of("docs/deploy/varnishd.sh");

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
		int port = freePort();
		ProcessBuilder edge = new ProcessBuilder("bash", LAUNCHER.toString(), directory.toString(),
				Integer.toString(port), Integer.toString(node1), Integer.toString(node2), "-F", "-p", "default_ttl=0")
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("varnishd.log").toFile());
		edge.environment().put("VARNISHD", VARNISHD.toString());
		edge.environment().put("EDGE_MEMORY", "64m");
		edge.environment().put("EDGE_BODIES", "64m");
		Process process = edge.start();
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
		String out = output("varnishstat", "-1", "-f", name);
		for (String line : out.split("\n")) {
			String[] fields = line.trim().split("\\s+");
			if (fields.length >= 2 && fields[0].equals(name)) {
				return Long.parseLong(fields[1]);
			}
		}
		return fail("No counter " + name + " in " + out);
	}

	/**
	 * Where the edge put each copy it fetched of the path, as "BACKEND STORAGE" (such as
	 * {@code assembly pages}: fetched from the edge's own assembly layer, kept in the
	 * storage named pages), the nodes' names given as {@code node}.
	 */
	List<String> copiesOf(String path) throws IOException, InterruptedException {
		String out = output("varnishncsa", "-d", "-b", "-q", fetchOf(path), "-F",
				"%{VSL:BackendOpen[2]}x %{VSL:Storage[2]}x");
		return out.lines().map((line) -> line.replaceFirst("^node[12] ", "node ")).toList();
	}

	/**
	 * How long past its TTL each copy the edge fetched of the path stays to be served
	 * while no node answers, as "BACKEND GRACE" in whole seconds (such as {@code node
	 * 86400}), the grace the VCL left on the copy (the last of its TTL records).
	 */
	List<String> gracesOf(String path) throws IOException, InterruptedException {
		String out = output("varnishlog", "-d", "-b", "-q", fetchOf(path), "-i", "BackendOpen,TTL");
		List<String> graces = new ArrayList<>();
		String backend = null;
		String grace = null;
		// Each fetch's records follow a line starting "*"; one more closes the last
		// fetch.
		for (String line : (out + "\n*").split("\n")) {
			String[] fields = line.trim().split("\\s+");
			if (fields[0].equals("*")) {
				if (backend != null && grace != null) {
					graces.add(backend + " " + grace);
				}
				backend = null;
				grace = null;
			}
			else if (fields.length > 3 && fields[1].equals("BackendOpen")) {
				backend = fields[3].replaceFirst("^boot\\.", "").replaceFirst("^node[12]$", "node");
			}
			else if (fields.length > 4 && fields[1].equals("TTL") && fields[2].equals("VCL")) {
				grace = fields[4].replaceFirst("\\.0+$", "");
			}
		}
		return graces;
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
		return output("varnishadm", "backend.list").lines()
			.anyMatch((line) -> line.contains(".node") && line.contains(" healthy "));
	}

	/** A query of the log for the edge's fetches of the path. */
	private static String fetchOf(String path) {
		return "BereqURL eq \"" + path + "\"";
	}

	/** What one of Varnish's tools prints, run on this edge's working directory. */
	private String output(String tool, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(tool, "-n", this.directory.resolve("work").toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(10, TimeUnit.SECONDS);
		return out;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Stops varnishd and removes its directory: each start of the suite makes one. */
	@Override
	public void close() throws InterruptedException, IOException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		FileSystemUtils.deleteRecursively(this.directory);
	}

}
