package org.newswire.accounts;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The accounts module alone: the first admin is created at start from the configuration,
 * and each change an admin makes to an account counts at the next sign-in and is
 * announced with who made it, for the audit log to hear.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "newswire.admin.username=" + AccountsModuleTests.ADMIN,
		"newswire.admin.password=" + AccountsModuleTests.ADMIN_PASSWORD })
class AccountsModuleTests {

	static final String ADMIN = "chief";

	static final String ADMIN_PASSWORD = "module-test-password-4711";

	@Autowired
	EditorAccounts accounts;

	@Autowired
	EditorDetailsService signIns;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void theFirstAdminIsCreatedAtStartWithThePasswordConfigured() {
		UserDetails admin = this.signIns.loadUserByUsername(ADMIN);

		assertThat(admin.getAuthorities()).extracting(Object::toString).contains(EditorRole.ADMIN.authority());
		assertThat(this.passwords.matches(ADMIN_PASSWORD, admin.getPassword())).isTrue();
	}

	@Test
	void accountChangesCountAtTheNextSignInAndAreAnnouncedWithWhoMadeThem(AssertablePublishedEvents events) {
		Editor editor = this.accounts.create("Night.Desk", "lantern, harbour & tide 7", EditorRole.EDITOR, ADMIN);
		this.accounts.setEnabled(editor.getId(), false, ADMIN);
		assertThat(this.signIns.loadUserByUsername("night.desk").isEnabled()).isFalse();
		this.accounts.setEnabled(editor.getId(), true, ADMIN);
		this.accounts.resetPassword(editor.getId(), "a new password, 8 words long", ADMIN);
		this.accounts.revokeDevices(editor.getId(), ADMIN);

		UserDetails signIn = this.signIns.loadUserByUsername("night.desk");
		assertThat(signIn.isEnabled()).isTrue();
		assertThat(this.passwords.matches("a new password, 8 words long", signIn.getPassword())).isTrue();
		assertThat(events.ofType(EditorAccountChanged.class)
			.matching((changed) -> changed.username().equals("night.desk")))
			.extracting(EditorAccountChanged::change, EditorAccountChanged::role, EditorAccountChanged::by)
			.containsExactly(tuple(EditorAccountChanged.Change.CREATED, EditorRole.EDITOR, ADMIN),
					tuple(EditorAccountChanged.Change.DISABLED, EditorRole.EDITOR, ADMIN),
					tuple(EditorAccountChanged.Change.ENABLED, EditorRole.EDITOR, ADMIN),
					tuple(EditorAccountChanged.Change.PASSWORD_RESET, EditorRole.EDITOR, ADMIN),
					tuple(EditorAccountChanged.Change.DEVICES_REVOKED, EditorRole.EDITOR, ADMIN));
	}

}
