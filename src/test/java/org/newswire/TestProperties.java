package org.newswire;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link NewswireProperties} as Spring Boot binds them, for tests that build a bean by
 * hand: the record's defaults plus the given settings.
 */
public final class TestProperties {

	private TestProperties() {
	}

	/**
	 * Binds {@code newswire.*} from pairs such as
	 * {@code "newswire.public-url", "https://wire.example.org"}.
	 */
	public static NewswireProperties of(String... keysAndValues) {
		Map<String, String> settings = new HashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			settings.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return of(settings);
	}

	/**
	 * Binds {@code newswire.*} from the given settings.
	 */
	public static NewswireProperties of(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("newswire",
				NewswireProperties.class);
	}

}
