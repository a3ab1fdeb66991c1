package org.newswire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

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
// One instance for all tests: importing the classes again for each test cost seconds.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModularityTests {

	private static final int ARTICLE_API_LIMIT = 15;

	private static final int CLASS_LINE_LIMIT = 350;

	private static final Pattern PLANTUML_EDGE = Pattern
		.compile("^Rel\\([\\w.]*\\.(?<from>\\w+), [\\w.]*\\.(?<to>\\w+), \"(?<rel>[^\"]+)\"", Pattern.MULTILINE);

	private static final Pattern MERMAID_EDGE = Pattern
		.compile("^  (?<from>\\w+)(?:\\[[^]]*])? -->\\|(?<rel>[^|]+)\\| (?<to>\\w+)$", Pattern.MULTILINE);

	private final ApplicationModules modules = ApplicationModules.of(NewswireApplication.class);

	/** Main and test code alike: a test elsewhere must not reach in either. */
	private final JavaClasses classes = new ClassFileImporter().importPackages("org.newswire");

	private final JavaClasses articleModule = new ClassFileImporter()
		.withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("org.newswire.article");

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
	 * The article module's API is its root package, at most {@value #ARTICLE_API_LIMIT}
	 * public types; its implementation ({@code internal}) and its pages ({@code web})
	 * hide everything else, and the root never depends on either, so the layers have no
	 * cycle.
	 */
	@Test
	void theArticleModuleHasASmallPublishedApiAndLayersWithoutACycle() {
		List<String> published = this.articleModule.stream()
			.filter((type) -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(published).as("public top-level types of org.newswire.article..")
			.hasSizeLessThanOrEqualTo(ARTICLE_API_LIMIT)
			.allMatch((name) -> name.lastIndexOf('.') == "org.newswire.article".length(), "in the root package");
		noClasses().that()
			.resideInAPackage("org.newswire.article")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.newswire.article.internal..", "org.newswire.article.web..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("org.newswire.article.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.newswire.article.internal..")
			.check(this.classes);
	}

	/**
	 * A class that outgrows this has more than one job: split it along that seam.
	 */
	@Test
	void noProductionClassIsLongerThanItsLimit() throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			Map<String, Long> tooLong = new TreeMap<>();
			for (Path source : sources.filter((path) -> path.toString().endsWith(".java")).toList()) {
				long lines;
				try (Stream<String> text = Files.lines(source)) {
					lines = text.count();
				}
				if (lines > CLASS_LINE_LIMIT) {
					tooLong.put(source.toString(), lines);
				}
			}
			assertThat(tooLong).as("classes over %d lines", CLASS_LINE_LIMIT).isEmpty();
		}
	}

	/**
	 * Component diagrams of the modules for docs/architecture.md. Module canvases are
	 * left out: they parse Javadoc as JSON and break on quotes in comments.
	 */
	@Test
	void writesModuleDiagramsAndTheDocsShowTheSameOne() throws IOException {
		new Documenter(this.modules, "target/spring-modulith-docs").writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		Path generated = Path.of("target/spring-modulith-docs/components.puml");
		// The generator orders modules and relations differently from run to run.
		assertThat(Files.readAllLines(Path.of("docs/modules.puml"))).as("docs/modules.puml: copy it from " + generated)
			.containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
		Set<String> dependencies = edges(Files.readString(generated), PLANTUML_EDGE);
		assertThat(dependencies).contains("Desk uses Articles", "Ticker listens to Articles");
		assertThat(edges(Files.readString(Path.of("docs/architecture.md")), MERMAID_EDGE))
			.as("the diagram in docs/architecture.md")
			.isEqualTo(dependencies);
	}

	/**
	 * "Desk uses Ticker", from {@code Rel(....Desk, ....Ticker, "uses", ...)} in PlantUML
	 * or {@code Desk -->|uses| Ticker} in Mermaid.
	 */
	private static Set<String> edges(String text, Pattern edge) {
		Set<String> edges = new HashSet<>();
		Matcher match = edge.matcher(text);
		while (match.find()) {
			edges.add(match.group("from") + " " + match.group("rel") + " " + match.group("to"));
		}
		return edges;
	}

}
