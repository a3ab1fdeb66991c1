package org.newswire.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal hashes passwords with bcrypt at cost 10, slow enough to make a stolen hash
 * costly to guess; the test contexts' cheaper cost (TestPasswordHashes) must not hide a
 * weaker one here.
 */
class PasswordHashCostTests {

	@Test
	void passwordsAreStoredAsBcryptAtCostTen() {
		String hash = new DeskSecurityConfig().passwordEncoder().encode("a long enough password");
		assertThat(hash.substring(0, "{bcrypt}$2a$10$".length())).isEqualTo("{bcrypt}$2a$10$");
		assertThat(new DeskSecurityConfig().passwordEncoder().matches("a long enough password", hash)).isTrue();
	}

}
