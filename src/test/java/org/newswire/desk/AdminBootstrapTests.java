package org.newswire.desk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * There is no default password: the first admin comes from configuration, or a random one
 * on the embedded database only.
 */
class AdminBootstrapTests {

	private static final String H2 = "jdbc:h2:file:./data/newswire";

	private static final String POSTGRES = "jdbc:postgresql://localhost:5432/newswire";

	private final EditorAccounts accounts = mock(EditorAccounts.class);

	@Test
	void configuredAdminIsCreatedOnce() {
		new AdminBootstrap(this.accounts, "Chief", "a long configured secret", POSTGRES).run();
		verify(this.accounts).create("Chief", "a long configured secret", EditorRole.ADMIN, "system");

		EditorAccounts existing = mock(EditorAccounts.class);
		when(existing.exists("Chief")).thenReturn(true);
		new AdminBootstrap(existing, "Chief", "another long secret", POSTGRES).run();
		verify(existing, never()).create(anyString(), anyString(), any(), anyString());
	}

	@Test
	void shortConfiguredPasswordCreatesNobody() {
		new AdminBootstrap(this.accounts, "chief", "short", POSTGRES).run();
		verify(this.accounts, never()).create(anyString(), anyString(), any(), anyString());
	}

	@Test
	void embeddedDatabaseWithoutAdminGetsARandomOneTimePassword() {
		new AdminBootstrap(this.accounts, "", "", H2).run();
		verify(this.accounts).create(eq("admin"), argThat((p) -> p.length() >= 20), eq(EditorRole.ADMIN), eq("system"));
		assertThat(AdminBootstrap.randomPassword()).isNotEqualTo(AdminBootstrap.randomPassword());
	}

	@Test
	void postgresWithoutConfigurationCreatesNobody() {
		new AdminBootstrap(this.accounts, "", "", POSTGRES).run();
		verify(this.accounts, never()).create(anyString(), anyString(), any(), anyString());
	}

	@Test
	void anExistingAdminIsLeftAlone() {
		when(this.accounts.hasEnabledAdmin()).thenReturn(true);
		new AdminBootstrap(this.accounts, "", "", H2).run();
		verify(this.accounts, never()).create(anyString(), anyString(), any(), anyString());
	}

}
