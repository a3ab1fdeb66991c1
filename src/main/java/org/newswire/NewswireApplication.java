package org.newswire;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(NewswireProperties.class)
public class NewswireApplication {

	public static void main(String[] args) {
		SpringApplication.run(NewswireApplication.class, args);
	}

	/**
	 * Every rule that reads the time asks this clock. With demo content on, the demo
	 * module brings its own, which runs behind only while it replays its script at
	 * start-up.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "newswire.demo.enabled", havingValue = false, matchIfMissing = true)
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * How every page, reader's or editor's, writes a date; templates call it as
	 * {@code @portalDates}.
	 */
	@Bean
	PortalDates portalDates(NewswireProperties properties) {
		return new PortalDates(properties.timeZone());
	}

}
