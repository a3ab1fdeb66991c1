package org.newswire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The one headless Chromium every browser test shares, started on first use and quit when
 * the test JVM exits. Debian's chromium and chromium-driver are the default;
 * {@code NEWSWIRE_CHROMIUM} and {@code NEWSWIRE_CHROMEDRIVER} point elsewhere on other
 * systems. A missing browser fails the test run rather than skipping it.
 */
public final class Browser {

	static final Path CHROMIUM = fromEnvironment("NEWSWIRE_CHROMIUM", "/usr/bin/chromium");

	static final Path CHROMEDRIVER = fromEnvironment("NEWSWIRE_CHROMEDRIVER", "/usr/bin/chromedriver");

	private static ChromeDriver driver;

	private Browser() {
	}

	public static synchronized ChromeDriver driver() {
		if (driver == null) {
			if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
				throw new IllegalStateException("Browser tests need Chromium and its ChromeDriver at " + CHROMIUM
						+ " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver, "
						+ "or set NEWSWIRE_CHROMIUM and NEWSWIRE_CHROMEDRIVER");
			}
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
					"--window-size=1280,900");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
				.build();
			driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			Runtime.getRuntime().addShutdownHook(new Thread(driver::quit));
		}
		return driver;
	}

	private static Path fromEnvironment(String variable, String otherwise) {
		String configured = System.getenv(variable);
		return Path.of((configured != null && !configured.isBlank()) ? configured : otherwise);
	}

}
