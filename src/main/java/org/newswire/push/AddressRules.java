package org.newswire.push;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.newswire.NewswireProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which addresses a push may be sent to: a webhook URL is given by a client, so without
 * these rules it could make the portal call its own network (server-side request
 * forgery). A host is resolved and refused when any of its addresses is loopback,
 * private, shared (CGNAT), link-local, unique-local, unspecified, multicast or reserved,
 * or a cloud metadata address; IPv6 forms that embed an IPv4 address (mapped, compatible,
 * NAT64, 6to4) are judged by that address. {@code newswire.push.allowed-networks} lets
 * some through, for tests and intranets, but never a metadata address.
 * <p>
 * Checked when an endpoint is saved and again right before each send (see
 * {@link Sender}): the check resolves the host through the JVM's address cache, which the
 * HTTP client's connection a moment later reads too, so a DNS answer that changes between
 * the two (rebinding) is not what the connection uses.
 */
@Component
class AddressRules {

	private static final List<Cidr> REFUSED = Cidr.parseAll(List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
			"127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
			"224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fe80::/10", "fc00::/7", "ff00::/8"));

	private static final List<Cidr> METADATA = Cidr.parseAll(List.of("169.254.169.254/32", "fd00:ec2::254/128"));

	private final boolean allowHttp;

	private final List<Cidr> allowed;

	@Autowired
	AddressRules(NewswireProperties properties) {
		this(properties.push());
	}

	AddressRules(NewswireProperties.Push settings) {
		this.allowHttp = settings.allowHttp();
		this.allowed = Cidr.parseAll(settings.allowedNetworks());
	}

	/**
	 * Refuses a URL a push may not go to.
	 * @throws RefusedAddressException saying why
	 */
	void check(URI url) {
		String host = checkSyntax(url);
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new RefusedAddressException("Host " + host + " does not resolve");
		}
		for (InetAddress address : addresses) {
			String reason = refusal(address);
			if (reason != null) {
				throw new RefusedAddressException("Host " + host + " resolves to " + address.getHostAddress() + ", "
						+ reason + ": pushes go to public addresses only");
			}
		}
	}

	/**
	 * The URL's host, once its form is one a push may use.
	 */
	String checkSyntax(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !(this.allowHttp && scheme.equals("http"))) {
			throw new RefusedAddressException(this.allowHttp ? "The URL must start with https:// or http://"
					: "The URL must start with https://");
		}
		if (url.getRawUserInfo() != null) {
			// Credentials in the URL would be shown on the desk and in logs.
			throw new RefusedAddressException("The URL must not hold a user name or password");
		}
		String host = url.getHost();
		if (host == null || host.isEmpty()) {
			throw new RefusedAddressException("The URL has no host");
		}
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/** Why the address is refused, or {@code null}. */
	String refusal(InetAddress address) {
		InetAddress judged = embeddedIpv4(address);
		if (METADATA.stream().anyMatch((cidr) -> cidr.contains(judged) || cidr.contains(address))) {
			return "a cloud metadata address";
		}
		if (this.allowed.stream().anyMatch((cidr) -> cidr.contains(judged))) {
			return null;
		}
		if (REFUSED.stream().anyMatch((cidr) -> cidr.contains(judged))) {
			return "a loopback, private, link-local, multicast or reserved address";
		}
		return null;
	}

	/**
	 * The IPv4 address an IPv6 one stands for (mapped {@code ::ffff:a.b.c.d}, compatible
	 * {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::}),
	 * else the address itself.
	 */
	static InetAddress embeddedIpv4(InetAddress address) {
		if (!(address instanceof Inet6Address)) {
			return address;
		}
		byte[] b = address.getAddress();
		boolean zeros80 = allZero(b, 0, 10);
		byte[] v4 = null;
		if (zeros80 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))
				&& !allZero(b, 12, 16) && !(allZero(b, 12, 15) && b[15] == 1)) {
			v4 = new byte[] { b[12], b[13], b[14], b[15] };
		}
		else if (b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && allZero(b, 4, 12)) {
			v4 = new byte[] { b[12], b[13], b[14], b[15] };
		}
		else if (b[0] == 0x20 && b[1] == 0x02) {
			v4 = new byte[] { b[2], b[3], b[4], b[5] };
		}
		if (v4 == null) {
			return address;
		}
		try {
			return Inet4Address.getByAddress(v4);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean allZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

}
