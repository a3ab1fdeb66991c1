package org.newswire.accounts;

import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.newswire.NewswireApplication;
import org.newswire.TestPostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database count sign-in failures as one, trust each other's device
 * cookies and refuse them alike once revoked: on an H2 database both contexts share, and
 * on PostgreSQL (CI provides it, see .ci/run).
 */
class SignInAcrossNodesTests {

	@Test
	void failuresSpreadOverTwoNodesOfOneH2DatabaseAreCountedOnce() {
		twoNodesCountAsOne(
				new String[] {
						"--spring.datasource.url=jdbc:h2:mem:nodes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" },
				new String[0]);
	}

	@Test
	void failuresSpreadOverTwoNodesOfOnePostgresDatabaseAreCountedOnce() {
		twoNodesCountAsOne(TestPostgres.required().emptySchema("sign_in_nodes").arguments(),
				new String[] { "postgres" });
	}

	private static void twoNodesCountAsOne(String[] database, String[] profiles) {
		try (ConfigurableApplicationContext a = node(database, profiles);
				ConfigurableApplicationContext b = node(database, profiles)) {
			LoginThrottle onA = a.getBean(LoginThrottle.class);
			LoginThrottle onB = b.getBean(LoginThrottle.class);
			for (int i = 1; i <= 5; i++) {
				LoginThrottle node = (i % 2 == 0) ? onB : onA;
				assertThat(node.admit("chief", "10.20.0." + i, null)).as("attempt %d", i).isPresent();
			}
			assertThat(onA.admit("chief", "10.20.1.1", null)).as("6th attempt on A").isEmpty();
			assertThat(onB.admit("chief", "10.20.1.2", null)).as("6th attempt on B").isEmpty();

			for (int i = 1; i <= 20; i++) {
				LoginThrottle node = (i % 2 == 0) ? onB : onA;
				assertThat(node.admit("nobody-" + i, "10.20.2.1", null)).as("attempt %d", i).isPresent();
			}
			assertThat(onA.admit("someone", "10.20.2.1", null)).as("21st attempt from one address").isEmpty();

			MockHttpServletResponse signedInOnA = new MockHttpServletResponse();
			a.getBean(DeviceCookies.class).issue(new MockHttpServletRequest(), signedInOnA, "chief");
			MockHttpServletRequest nextAttemptOnB = new MockHttpServletRequest();
			Cookie device = signedInOnA.getCookie(DeviceCookies.NAME);
			nextAttemptOnB.setCookies(new Cookie(device.getName(), device.getValue()));
			assertThat(b.getBean(DeviceCookies.class).trustedDevice(nextAttemptOnB, "chief"))
				.as("A's device cookie on B")
				.isPresent()
				.hasValueSatisfying((nonce) -> assertThat(onB.admit("chief", "10.20.3.1", nonce)).isPresent());

			EditorAccounts accountsOnA = a.getBean(EditorAccounts.class);
			accountsOnA.revokeDevices(
					accountsOnA.create("chief", "a long enough password", EditorRole.EDITOR, "test").getId(), "test");
			assertThat(b.getBean(DeviceCookies.class).trustedDevice(nextAttemptOnB, "chief"))
				.as("A's device cookie on B after A revoked the account's devices")
				.isEmpty();
		}
	}

	private static ConfigurableApplicationContext node(String[] database, String[] profiles) {
		String[] args = Stream.concat(Stream.of("--server.port=0", "--management.server.port=0"), Stream.of(database))
			.toArray(String[]::new);
		return new SpringApplicationBuilder(NewswireApplication.class).profiles(profiles).run(args);
	}

}
