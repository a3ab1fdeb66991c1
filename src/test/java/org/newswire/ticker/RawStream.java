package org.newswire.ticker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request to the ticker stream on a plain socket: the test decides what is read and how
 * the connection ends (closed, or reset), as no HTTP client library lets it. The socket's
 * receive buffer is small, so a stream that is not read fills it soon.
 */
final class RawStream implements AutoCloseable {

	private final Socket socket;

	private final InputStream in;

	private RawStream(Socket socket) throws IOException {
		this.socket = socket;
		this.in = socket.getInputStream();
	}

	/**
	 * Sends {@code GET} (or another method) for the stream with the given extra header
	 * lines, such as {@code "X-Forwarded-For: 203.0.113.7"}.
	 */
	static RawStream request(int port, String method, String... headers) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(1024);
		socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
		socket.setSoTimeout(20_000);
		StringBuilder request = new StringBuilder(method).append(' ')
			.append(TickerStreamController.PATH)
			.append(" HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		OutputStream out = socket.getOutputStream();
		out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return new RawStream(socket);
	}

	static RawStream get(int port, String... headers) throws IOException {
		return request(port, "GET", headers);
	}

	/** Reads the status line and the header fields, and nothing of the body. */
	Head head() throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int last = 0;
		for (int b = this.in.read(); b != -1; b = this.in.read()) {
			head.write(b);
			last = (last << 8) | b;
			if (last == 0x0D0A0D0A) {
				return Head.parse(head.toString(StandardCharsets.ISO_8859_1));
			}
		}
		throw new IOException("Connection closed before the end of the head: " + head);
	}

	/** Reads the body until the marker has gone by. */
	void readUntil(String marker) throws IOException {
		StringBuilder seen = new StringBuilder();
		for (int b = this.in.read(); b != -1; b = this.in.read()) {
			seen.append((char) b);
			if (seen.indexOf(marker) >= 0) {
				return;
			}
		}
		throw new IOException("Stream ended before " + marker + ": " + seen);
	}

	/** Ends the connection with a reset instead of an orderly close. */
	void reset() throws IOException {
		this.socket.setSoLinger(true, 0);
		this.socket.close();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * @param headers field names in lower case, the last value of each
	 */
	record Head(int status, Map<String, String> headers) {

		static Head parse(String text) {
			String[] lines = text.split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							lines[i].substring(colon + 1).strip());
				}
			}
			return new Head(Integer.parseInt(lines[0].substring(9, 12)), headers);
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
