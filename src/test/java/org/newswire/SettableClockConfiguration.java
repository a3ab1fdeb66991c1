package org.newswire;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Makes a {@link SettableClock} the clock every bean receives in a test context. Found by
 * the component scan of every {@code @SpringBootTest}; an {@code @ApplicationModuleTest}
 * scans its module only and imports it when it pins the clock. Primary rather than a
 * replacement, so it can wrap the application's own clock (system time, or the demo's
 * while it replays its script) and tests with demo content still get the demo's past.
 */
@Configuration(proxyBeanMethods = false)
public class SettableClockConfiguration {

	@Bean
	@Primary
	SettableClock settableClock(@Qualifier("clock") Clock application) {
		return new SettableClock(application);
	}

}
