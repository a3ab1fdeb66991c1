package org.newswire.accounts;

import org.junit.jupiter.api.Test;
import org.newswire.NewswireProperties.Admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

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
		new AdminBootstrap(this.accounts, new Admin("Chief", "a long configured secret"), POSTGRES).run();
		then(this.accounts).should().create("Chief", "a long configured secret", EditorRole.ADMIN, "system");

		EditorAccounts existing = mock(EditorAccounts.class);
		given(existing.exists("Chief")).willReturn(true);
		new AdminBootstrap(existing, new Admin("Chief", "another long secret"), POSTGRES).run();
		then(existing).should(never()).create(anyString(), anyString(), any(), anyString());
	}

	@Test
	void shortConfiguredPasswordCreatesNobody() {
		new AdminBootstrap(this.accounts, new Admin("chief", "short"), POSTGRES).run();
		then(this.accounts).should(never()).create(anyString(), anyString(), any(), anyString());
	}

	@Test
	void embeddedDatabaseWithoutAdminGetsARandomOneTimePassword() {
		new AdminBootstrap(this.accounts, new Admin("", ""), H2).run();
		then(this.accounts).should()
			.create(eq("admin"), argThat((p) -> p.length() >= 20), eq(EditorRole.ADMIN), eq("system"));
		assertThat(AdminBootstrap.randomPassword()).isNotEqualTo(AdminBootstrap.randomPassword());
	}

	@Test
	void postgresWithoutConfigurationCreatesNobody() {
		new AdminBootstrap(this.accounts, new Admin("", ""), POSTGRES).run();
		then(this.accounts).should(never()).create(anyString(), anyString(), any(), anyString());
	}

	@Test
	void anExistingAdminIsLeftAlone() {
		given(this.accounts.hasEnabledAdmin()).willReturn(true);
		new AdminBootstrap(this.accounts, new Admin("", ""), H2).run();
		then(this.accounts).should(never()).create(anyString(), anyString(), any(), anyString());
	}

}
