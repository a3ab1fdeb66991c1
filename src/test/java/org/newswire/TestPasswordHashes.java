package org.newswire;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes passwords in test contexts with bcrypt at its lowest cost. The production cost
 * is there to make a stolen hash slow to guess, which a test database does not need, and
 * every sign-in, failed sign-in and new editor of the suite paid it: the throttle and
 * sign-in tests spent most of their time hashing. The stored form is the same
 * ({bcrypt}$2a$...), and the production encoder is tested for its cost
 * (PasswordHashCostTests). Found by the component scan of every {@code @SpringBootTest}
 * and of the cluster tests' nodes, as {@link SettableClockConfiguration} is.
 */
@Configuration(proxyBeanMethods = false)
public class TestPasswordHashes {

	private static final int LOWEST_COST = 4;

	@Bean
	@Primary
	PasswordEncoder cheapPasswordEncoder() {
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(LOWEST_COST)));
	}

}
