package org.newswire;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class NewswireApplication {

	public static void main(String[] args) {
		SpringApplication.run(NewswireApplication.class, args);
	}

	/**
	 * Every publishing rule asks this clock, so tests can fix time instead of racing it.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
