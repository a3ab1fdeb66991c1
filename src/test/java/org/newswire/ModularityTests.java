package org.newswire;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

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

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeModuleCanvases();
	}

}
