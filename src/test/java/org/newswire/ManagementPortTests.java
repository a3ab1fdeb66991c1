package org.newswire;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator, which asks nobody who is calling, listens on loopback only, and none of
 * its answers repeats the {@code Host} a request names: there is no link page, whose
 * links would (issue 23).
 */
@UntrustedClients
class ManagementPortTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void theManagementPortListensOnLoopbackOnly() throws IOException {
		InetAddress outside = NetworkInterface.networkInterfaces()
			.filter(ManagementPortTests::upAndNotLoopback)
			.flatMap(NetworkInterface::inetAddresses)
			.filter(Inet4Address.class::isInstance)
			.findFirst()
			.orElse(null);
		Assumptions.assumeTrue(outside != null, "this machine has no address but loopback");
		assertThat(connects(outside, this.port)).as("public port on %s", outside).isTrue();
		assertThat(connects(outside, this.managementPort)).as("management port on %s", outside).isFalse();
		assertThat(connects(InetAddress.getLoopbackAddress(), this.managementPort)).as("management port on loopback")
			.isTrue();
	}

	@Test
	void noActuatorAnswerRepeatsTheHostARequestNames() throws IOException {
		EdgeClient management = new EdgeClient(this.managementPort);
		for (String path : List.of("/actuator", "/actuator/", "/actuator/health", "/actuator/health/readiness",
				"/actuator/prometheus", "/actuator/env")) {
			EdgeClient.Raw answer = management.raw(("GET " + path
					+ " HTTP/1.1\r\nHost: evil.example:8081\r\nX-Forwarded-Host: evil.example\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(5));
			assertThat(answer.status()).as(path).isIn(200, 404);
			assertThat(answer.text()).as(path).doesNotContain("evil.example");
		}
		EdgeClient.Raw links = management.raw("GET /actuator HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
			.getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(5));
		assertThat(links.status()).isEqualTo(404);
	}

	private static boolean upAndNotLoopback(NetworkInterface network) {
		try {
			return network.isUp() && !network.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

	private static boolean connects(InetAddress address, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 2000);
			return true;
		}
		catch (ConnectException ex) {
			return false;
		}
	}

}
