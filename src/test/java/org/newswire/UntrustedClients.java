package org.newswire;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a real port, where the tests, connecting from loopback, are
 * ordinary clients: only a proxy at a documentation address (TEST-NET-1) is trusted with
 * forwarded headers. Tomcat's valves run only on a real connection, not in MockMvc. One
 * context for every test class that uses it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newswire.demo.enabled=true", "server.tomcat.remoteip.internal-proxies=192.0.2.1/32",
				"newswire.admin.username=" + UntrustedClients.EDITOR,
				"newswire.admin.password=" + UntrustedClients.PASSWORD })
public @interface UntrustedClients {

	String EDITOR = "chief";

	String PASSWORD = "edge-test-password-4711";

}
