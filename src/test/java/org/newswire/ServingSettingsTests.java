package org.newswire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the server hands cached pages to clients and proxies (docs/benchmark.md): over one
 * connection for many requests, and each page in one socket write. Shares the context of
 * the live ticker stream and demo content tests.
 */
@BehindTheProxy
class ServingSettingsTests {

	@LocalServerPort
	int port;

	@Autowired
	WebServerApplicationContext context;

	@Test
	void aClientKeepsItsConnectionForMoreThanAHundredRequests() throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			for (int i = 1; i <= 250; i++) {
				Response response = get(socket, "/");
				assertThat(response.status()).as("request %d", i).isEqualTo(200);
				assertThat(response.headers()).as("request %d", i).doesNotContain("connection: close");
			}
		}
	}

	@Test
	void theHomePageFitsTheSocketWriteBufferSoItGoesOutInOneWrite() throws IOException {
		int home;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			home = get(socket, "/").body().length;
		}
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();

		assertThat(home).isGreaterThan(8 * 1024);
		assertThat(Integer.parseInt(String.valueOf(connector.getProperty("socket.appWriteBufSize"))))
			.isGreaterThanOrEqualTo(home);
	}

	private static Response get(Socket socket, String path) throws IOException {
		OutputStream out = socket.getOutputStream();
		out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		InputStream in = socket.getInputStream();
		String head = readHead(in);
		int length = 0;
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
			}
		}
		byte[] body = in.readNBytes(length);
		return new Response(Integer.parseInt(head.split(" ")[1]), head.toLowerCase(Locale.ROOT), body);
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			assertThat(b).as("the server closed the connection").isNotNegative();
			head.write(b);
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	private record Response(int status, String headers, byte[] body) {
	}

}
