package org.newswire;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(NewswireProperties.class)
public class NewswireApplication {

	public static void main(String[] args) {
		SpringApplication.run(NewswireApplication.class, args);
	}

	/**
	 * Every publishing rule asks this clock, so tests and demo content can backdate work
	 * ({@link SettableClock#runAt}) instead of racing time.
	 */
	@Bean
	SettableClock clock() {
		return new SettableClock();
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
