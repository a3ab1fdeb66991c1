package org.newswire;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class NewswirePropertiesTests {

	@Test
	void withoutAnySettingEveryDefaultBinds() {
		NewswireProperties defaults = TestProperties.of();
		assertThat(defaults.timeZone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(defaults.publicationName()).isEqualTo("Newswire");
		assertThat(defaults.publicUrl()).isNull();
		assertThat(defaults.demo().enabled()).isFalse();
		assertThat(defaults.admin().username()).isNull();
		assertThat(defaults.live().maxSubscribers()).as("derived from the heap").isNull();
		assertThat(defaults.live().maxSubscribersPerClient()).isEqualTo(4);
		assertThat(defaults.login().maxFailuresPerAccount()).isEqualTo(5);
		assertThat(defaults.login().maxFailuresPerAddress()).isEqualTo(20);
		assertThat(defaults.login().failureWindow()).isEqualTo(Duration.ofMinutes(15));
		assertThat(defaults.pageCache().maxBytes()).isEqualTo(DataSize.ofMegabytes(64));
		assertThat(defaults.archive().generate()).isZero();
	}

	@Test
	void applicationPropertiesSetTheNewsroomAndTakeTheFirstAdminFromTheEnvironment() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("environment",
					Map.of("NEWSWIRE_ADMIN_USER", "chief", "NEWSWIRE_ADMIN_PASSWORD", "a long configured secret")));
		for (PropertySource<?> source : new PropertiesPropertySourceLoader().load("application",
				new ClassPathResource("application.properties"))) {
			environment.getPropertySources().addLast(source);
		}
		NewswireProperties settings = Binder.get(environment).bindOrCreate("newswire", NewswireProperties.class);
		assertThat(settings.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
		assertThat(settings.demo().enabled()).isTrue();
		assertThat(settings.admin().username()).isEqualTo("chief");
		assertThat(settings.admin().password()).isEqualTo("a long configured secret");
	}

	@Test
	void theEmbeddedDatabaseWritesEachCommitAndKeepsA64MegabyteCache() throws Exception {
		String url = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"))
			.getProperty("spring.datasource.url");
		assertThat(url).startsWith("jdbc:h2:file:./data/newswire;");
		// The same settings on a database of the test's own.
		try (Connection connection = DriverManager.getConnection(
				url.replace("jdbc:h2:file:./data/newswire", "jdbc:h2:mem:settings-" + UUID.randomUUID()), "sa", "");
				ResultSet settings = connection.createStatement()
					.executeQuery("select setting_name, setting_value from information_schema.settings "
							+ "where setting_name in ('CACHE_SIZE', 'WRITE_DELAY')")) {
			Map<String, String> values = new HashMap<>();
			while (settings.next()) {
				values.put(settings.getString(1), settings.getString(2));
			}
			assertThat(values).containsEntry("CACHE_SIZE", "65536").containsEntry("WRITE_DELAY", "0");
		}
	}

	@Test
	void aPublicUrlBindsAsAUri() {
		assertThat(TestProperties.of("newswire.public-url", "https://wire.example.org").publicUrl())
			.isEqualTo(URI.create("https://wire.example.org"));
	}

}
