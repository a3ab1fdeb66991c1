package org.newswire;

import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of every *BrowserTest: one running app with the demo content and one shared
 * browser for all of them. Subclasses add no context configuration, so the Spring context
 * is started once for the whole browser suite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newswire.demo.enabled=true", "newswire.admin.username=desk-admin",
				"newswire.admin.password=browser-test-password",
				// Webhook endpoints of the browser tests are receivers on this machine.
				"newswire.push.allow-http=true", "newswire.push.allowed-networks=127.0.0.0/8" })
public abstract class BrowserTestBase {

	/** The axe-core rule tags of WCAG 2.2 level AA, which every page must pass. */
	protected static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	@LocalServerPort
	private int port;

	protected ChromeDriver browser() {
		return Browser.driver();
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * The page as its scripts have left it (a banner raised, a countdown running) passes
	 * the Nu Html Checker.
	 */
	protected void assertValidMarkup(String page) {
		Object html = browser().executeScript("return '<!DOCTYPE html>' + document.documentElement.outerHTML");
		NuHtmlChecker.assertValid(page, (String) html);
	}

}
