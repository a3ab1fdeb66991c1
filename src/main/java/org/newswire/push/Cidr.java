package org.newswire.push;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * A network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}).
 */
record Cidr(byte[] network, int prefix) {

	static Cidr parse(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		String host = (slash < 0) ? trimmed : trimmed.substring(0, slash);
		// Only literals (four dotted numbers, or IPv6 with its colons): a name here would
		// be resolved at start-up and trusted for good.
		if (!host.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") && !host.matches("[0-9a-fA-F.:]*:[0-9a-fA-F.:]*")) {
			throw new IllegalArgumentException("Not a network address: " + text);
		}
		byte[] network;
		try {
			network = InetAddress.getByName(host).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not a network address: " + text, ex);
		}
		int bits = network.length * 8;
		if (slash < 0) {
			return new Cidr(network, bits);
		}
		String length = trimmed.substring(slash + 1);
		if (!length.matches("[0-9]{1,3}") || Integer.parseInt(length) > bits) {
			throw new IllegalArgumentException("Not a prefix length: " + text);
		}
		return new Cidr(network, Integer.parseInt(length));
	}

	static List<Cidr> parseAll(List<String> texts) {
		return texts.stream().filter((text) -> !text.isBlank()).map(Cidr::parse).toList();
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != this.network.length) {
			return false;
		}
		int whole = this.prefix / 8;
		for (int i = 0; i < whole; i++) {
			if (bytes[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = 0xff << (8 - rest);
		return (bytes[whole] & mask) == (this.network[whole] & mask);
	}

}
