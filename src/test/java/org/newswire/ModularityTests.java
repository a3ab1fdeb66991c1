package org.newswire;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import org.springframework.data.repository.Repository;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules talk only through each other's API packages and events; this fails the build
 * when one reaches into another's internals or a dependency cycle appears.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(NewswireApplication.class);

	/** Main and test code alike: a test elsewhere must not reach in either. */
	private final JavaClasses classes = new ClassFileImporter().importPackages("org.newswire");

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * Said explicitly, beyond what {@link ApplicationModules#verify()} infers: the
	 * article module's entities and repositories live in its internal package, and no
	 * type outside the module uses that package.
	 */
	@Test
	void onlyTheArticleModuleSeesItsEntitiesAndRepositories() {
		classes().that()
			.resideInAPackage("org.newswire.article..")
			.and()
			.areAnnotatedWith(Entity.class)
			.should()
			.resideInAPackage("org.newswire.article.internal..")
			.check(this.classes);
		classes().that()
			.resideInAPackage("org.newswire.article..")
			.and()
			.areAssignableTo(Repository.class)
			.should()
			.resideInAPackage("org.newswire.article.internal..")
			.check(this.classes);
		noClasses().that()
			.resideOutsideOfPackage("org.newswire.article..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.newswire.article.internal..")
			.check(this.classes);
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
