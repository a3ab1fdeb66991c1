package org.newswire.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Thymeleaf fragment selector matches element names as well as fragment names, so a
 * fragment called {@code input} also brings every {@code <input>} of its file along:
 * every desk text field once came with a second control of the same name, and the server
 * joined the two values with a comma. No fragment may be named after an HTML element.
 */
class TemplateFragmentNamesTests {

	@Test
	void noFragmentIsNamedAfterAnHtmlElement() throws IOException {
		List<String> clashes = new ArrayList<>();
		int fragments = 0;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Document template = Jsoup.parse(Files.readString(file));
				for (Element element : template.select("[th:fragment]")) {
					fragments++;
					String name = element.attr("th:fragment").split("\\(")[0].trim();
					if (Tag.isKnownTag(name) || !template.getElementsByTag(name).isEmpty()) {
						clashes.add(file + ": " + name);
					}
				}
			}
		}
		assertThat(fragments).isGreaterThan(50);
		assertThat(clashes).isEmpty();
	}

}
