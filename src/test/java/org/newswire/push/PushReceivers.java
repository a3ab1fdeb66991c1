package org.newswire.push;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The application with plain-http receivers on loopback allowed, as tests run them: one
 * context for every push test class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(properties = { "newswire.push.allow-http=true", "newswire.push.allowed-networks=127.0.0.0/8,::1/128" })
@AutoConfigureMockMvc
@interface PushReceivers {

}
