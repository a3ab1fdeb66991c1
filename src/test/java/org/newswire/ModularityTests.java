package org.newswire;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules talk only through each other's API packages and events; this fails the build
 * when one reaches into another's internals or a dependency cycle appears.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(NewswireApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * Component diagrams of the modules for docs/architecture.md. Module canvases are
	 * left out: they parse Javadoc as JSON and break on quotes in comments.
	 */
	@Test
	void writesModuleDiagrams() {
		new Documenter(this.modules, "target/spring-modulith-docs").writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
	}

}
