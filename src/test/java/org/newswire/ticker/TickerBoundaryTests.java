package org.newswire.ticker;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.newswire.article.ArticleEvent;
import org.newswire.article.Urgency;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ticker owns what it shows: it knows articles by their events and their urgency
 * only, so it cannot read one (no {@code Stories}, no {@code ArticleSummary}).
 */
class TickerBoundaryTests {

	@Test
	void theTickerKnowsArticlesOnlyByTheirEvents() {
		noClasses().that()
			.resideInAPackage("org.newswire.ticker..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.newswire.article..")
				.and(not(belongToAnyOf(ArticleEvent.Published.class, ArticleEvent.Killed.class, ArticleEvent.Held.class,
						ArticleEvent.HoldReleased.class, Urgency.class))))
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("org.newswire.ticker"));
	}

}
