package org.newswire.ticker;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The open streams of each client, so that no client holds more than its share of a
 * node's streams.
 * <p>
 * A client is its address as Tomcat resolved it through the trusted proxies. An IPv6
 * client is its /64: a subscriber line gets at least that block, so counting single
 * addresses would give one household or one attacker billions of shares.
 */
final class StreamClients {

	/**
	 * Text that {@link InetAddress} takes for an IPv6 literal (a colon, and a hex digit
	 * or colon first), which it parses or refuses and never looks up in DNS.
	 */
	private static final Pattern IPV6_LITERAL = Pattern.compile("(?=[^%]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[\\w.-]+)?");

	private final int maxPerClient;

	private final long probeEveryNanos;

	// Guarded by this.
	private final Map<String, Client> clients = new HashMap<>();

	StreamClients(int maxPerClient, long probeEveryNanos) {
		this.maxPerClient = maxPerClient;
		this.probeEveryNanos = probeEveryNanos;
	}

	/**
	 * The client a remote address belongs to: the address itself, or the /64 of an IPv6
	 * address.
	 */
	static String of(String address) {
		if (address == null || !IPV6_LITERAL.matcher(address).matches()) {
			return String.valueOf(address);
		}
		try {
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length != 16) {
				// An IPv4 address written as IPv6 (::ffff:192.0.2.1).
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			byte[] network = new byte[16];
			System.arraycopy(bytes, 0, network, 0, 8);
			return Inet6Address.getByAddress(null, network, null).getHostAddress() + "/64";
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	synchronized boolean atLimit(String client) {
		Client streams = this.clients.get(client);
		return streams != null && streams.streams.size() >= this.maxPerClient;
	}

	synchronized void add(StreamSubscriber stream) {
		this.clients.computeIfAbsent(stream.client(), (key) -> new Client()).streams.add(stream);
	}

	synchronized void remove(StreamSubscriber stream) {
		Client client = this.clients.get(stream.client());
		if (client != null && client.streams.remove(stream) && client.streams.isEmpty()) {
			this.clients.remove(stream.client());
		}
	}

	/**
	 * The client's streams to check for connections it has closed, or none when they were
	 * checked a moment ago: a client that keeps asking must not make the node write to
	 * its streams on every request.
	 */
	synchronized List<StreamSubscriber> toProbe(String client, long nowNanos) {
		Client streams = this.clients.get(client);
		if (streams == null || nowNanos - streams.nextProbe < 0) {
			return List.of();
		}
		streams.nextProbe = nowNanos + this.probeEveryNanos;
		return List.copyOf(streams.streams);
	}

	private static final class Client {

		private final List<StreamSubscriber> streams = new ArrayList<>(1);

		private long nextProbe = System.nanoTime();

	}

}
