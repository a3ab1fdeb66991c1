package org.newswire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real port with the demo content, as behind nginx on the same
 * host: loopback is the proxy the portal trusts (the default), so a test names its client
 * and the scheme in {@code X-Forwarded-*} headers, and absolute links name the configured
 * public origin. One context for every test class that uses it; {@link UntrustedClients}
 * is its counterpart without a trusted proxy.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newswire.demo.enabled=true", "newswire.public-url=" + BehindTheProxy.PUBLIC_URL,
				"newswire.admin.username=" + BehindTheProxy.EDITOR,
				"newswire.admin.password=" + BehindTheProxy.PASSWORD })
public @interface BehindTheProxy {

	String PUBLIC_URL = "https://news.example.org";

	String EDITOR = "chief";

	String PASSWORD = "proxy-test-password-4711";

}
