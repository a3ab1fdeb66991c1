package org.newswire.push;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newswire.NewswireProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRulesTests {

	private final AddressRules rules = rules(false, List.of());

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1/hook", "https://127.1.2.3/hook", "https://[::1]/hook",
			"https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://172.31.255.255/hook",
			"https://192.168.1.1/hook", "https://100.64.0.1/hook", "https://169.254.169.254/latest/meta-data",
			"https://169.254.1.1/hook", "https://[fe80::1]/hook", "https://[fc00::1]/hook", "https://[fd00:ec2::254]/",
			"https://0.0.0.0/hook", "https://[::]/hook", "https://224.0.0.1/hook", "https://[ff02::1]/hook",
			"https://[::ffff:127.0.0.1]/hook", "https://[::ffff:10.0.0.1]/hook", "https://[::ffff:a9fe:a9fe]/hook",
			"https://[64:ff9b::a9fe:a9fe]/hook", "https://[2002:a00:1::]/hook", "https://[::10.0.0.1]/hook" })
	void refusesTheSendersOwnNetworks(String url) {
		assertThatThrownBy(() -> this.rules.check(URI.create(url))).isInstanceOf(RefusedAddressException.class)
			.hasMessageContaining("pushes go to public addresses only");
	}

	@Test
	void refusesAHostNameThatResolvesToLoopback() {
		assertThatThrownBy(() -> this.rules.check(URI.create("https://localhost:8443/hook")))
			.isInstanceOf(RefusedAddressException.class)
			.hasMessageStartingWith("Host localhost resolves to ")
			.hasMessageEndingWith(", a loopback, private, link-local, multicast or reserved address: "
					+ "pushes go to public addresses only");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://93.184.215.14/hook", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook",
			"https://172.32.0.1/hook", "https://100.128.0.1/hook", "https://192.169.0.1/hook" })
	void letsPublicAddressesThrough(String url) {
		assertThatNoException().isThrownBy(() -> this.rules.check(URI.create(url)));
	}

	@Test
	void allowedNetworksLetSomeThroughButNeverTheMetadataAddress() {
		AddressRules intranet = rules(false, List.of("127.0.0.0/8", "10.20.0.0/16", "169.254.0.0/16"));
		assertThatNoException().isThrownBy(() -> intranet.check(URI.create("https://127.0.0.1:9000/hook")));
		assertThatNoException().isThrownBy(() -> intranet.check(URI.create("https://10.20.3.4/hook")));
		assertThatThrownBy(() -> intranet.check(URI.create("https://10.21.3.4/hook")))
			.isInstanceOf(RefusedAddressException.class);
		assertThatThrownBy(() -> intranet.check(URI.create("https://169.254.169.254/")))
			.hasMessage("Host 169.254.169.254 resolves to 169.254.169.254, a cloud metadata address: "
					+ "pushes go to public addresses only");
	}

	@Test
	void httpsOnlyUnlessAllowed() {
		assertThatThrownBy(() -> this.rules.check(URI.create("http://93.184.215.14/hook")))
			.hasMessage("The URL must start with https://");
		assertThatThrownBy(() -> this.rules.check(URI.create("ftp://93.184.215.14/hook")))
			.hasMessage("The URL must start with https://");
		assertThatNoException().isThrownBy(() -> rules(true, List.of()).check(URI.create("http://93.184.215.14/hook")));
		assertThatThrownBy(() -> this.rules.check(URI.create("https://user:pw@93.184.215.14/hook")))
			.hasMessage("The URL must not hold a user name or password");
	}

	@Test
	void aHostThatDoesNotResolveIsRefused() {
		assertThatThrownBy(() -> this.rules.check(URI.create("https://no-such-host.invalid/hook")))
			.hasMessage("Host no-such-host.invalid does not resolve");
	}

	@Test
	void embeddedIpv4IsFoundInEveryIpv6Form() throws UnknownHostException {
		assertThat(AddressRules.embeddedIpv4(InetAddress.getByName("64:ff9b::7f00:1")))
			.isEqualTo(InetAddress.getByName("127.0.0.1"));
		assertThat(AddressRules.embeddedIpv4(InetAddress.getByName("2002:7f00:1::1")))
			.isEqualTo(InetAddress.getByName("127.0.0.1"));
		assertThat(AddressRules.embeddedIpv4(InetAddress.getByName("::1"))).isEqualTo(InetAddress.getByName("::1"));
	}

	@Test
	void allowedNetworksMustBeAddressLiterals() {
		assertThatThrownBy(() -> rules(false, List.of("intranet.example/8")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Not a network address: intranet.example/8");
	}

	/**
	 * A mistyped allowed network stops the application at start, naming the entry, rather
	 * than letting through more or less than the operator meant.
	 */
	@Test
	void anAllowedNetworkThatIsNoAddressOrHasNoSuchPrefixIsRefused() {
		assertThatThrownBy(() -> rules(false, List.of("fc00:::1/7"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Not a network address: fc00:::1/7");
		assertThatThrownBy(() -> rules(false, List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Not a prefix length: 10.0.0.0/33");
		assertThatThrownBy(() -> rules(false, List.of("fc00::/129"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Not a prefix length: fc00::/129");
		assertThatThrownBy(() -> rules(false, List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Not a prefix length: 10.0.0.0/x");
		// Names are never looked up, not even those made of hex letters.
		for (String name : List.of("abc", "cafe.bad", "10.0.0/8", "1.2.3.4.5")) {
			assertThatThrownBy(() -> rules(false, List.of(name))).as(name)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Not a network address: " + name);
		}
	}

	static AddressRules rules(boolean allowHttp, List<String> allowed) {
		return new AddressRules(new NewswireProperties.Push(allowHttp, allowed, Duration.ofHours(24),
				Duration.ofSeconds(10), Duration.ofSeconds(20)));
	}

}
