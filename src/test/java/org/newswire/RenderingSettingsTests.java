package org.newswire;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The shipped settings that keep an uncached render lean (docs/benchmark.md, "Profile of
 * uncached renders"): compiled template expressions, and no per-request timers or
 * observations that nobody reads, while each request is still timed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RenderingSettingsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SpringTemplateEngine templates;

	@Autowired
	ObservationRegistry observations;

	@Autowired
	MeterRegistry meters;

	@Test
	void templateExpressionsAreCompiled() {
		assertThat(this.templates.getEnableSpringELCompiler()).isTrue();
	}

	@Test
	void requestsAreTimedButNotEachRepositoryCallNorEachSecurityFilter() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().isOk());

		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meters.find("spring.data.repository.invocations").timers()).isEmpty();
		assertThat(Observation.start("http.server.requests", this.observations).isNoop()).isFalse();
		assertThat(Observation.start("spring.security.filterchains", this.observations).isNoop()).isTrue();
	}

	@Test
	void renderedPagesAreTimedAndCachedOnesCounted() throws Exception {
		String path = "/sections/world?utm_source=timing";
		this.mvc.perform(get(path)).andExpect(status().isOk());
		double timed = timed();
		double hits = this.meters.counter("newswire.page.cache", "result", "hit").count();

		this.mvc.perform(get(path)).andExpect(status().isOk());
		this.mvc.perform(get("/desk/login")).andExpect(status().isOk());

		assertThat(timed()).as("the desk page is timed, the cached page is not").isEqualTo(timed + 1);
		assertThat(this.meters.counter("newswire.page.cache", "result", "hit").count()).isEqualTo(hits + 1);
	}

	private double timed() {
		return this.meters.find("http.server.requests").timers().stream().mapToLong((timer) -> timer.count()).sum();
	}

}
