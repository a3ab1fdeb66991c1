package org.newswire;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Nu Html Checker (the engine behind validator.w3.org/nu), run in-process on a page
 * the suite rendered. Errors fail; warnings (advice such as "consider adding a lang") do
 * not, as on the public checker's default view.
 */
public final class NuHtmlChecker {

	private static final String HTML_SCHEMA = "http://s.validator.nu/html5-rdfalite.rnc";

	private NuHtmlChecker() {
	}

	/** Fails with every error the checker finds, each with its line and column. */
	public static void assertValid(String page, String html) {
		assertThat(errors(html)).as("Nu Html Checker errors on " + page).isEmpty();
	}

	/**
	 * Checks one page. The validator is set up once per JVM and reset for each page:
	 * compiling the HTML schema took a second of CPU, longer than most pages take to
	 * check.
	 */
	public static synchronized List<String> errors(String html) {
		List<String> errors = new ArrayList<>();
		Collector.INSTANCE.errors = errors;
		try {
			InputSource source = new InputSource(new StringReader(html));
			source.setEncoding("UTF-8");
			Collector.INSTANCE.validator().checkHtmlInputSource(source);
		}
		catch (SAXException ex) {
			// The handler has recorded the fatal error that stopped the parse.
			if (errors.isEmpty()) {
				errors.add(ex.getMessage());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return errors;
	}

	private static String describe(SAXParseException exception) {
		return exception.getLineNumber() + ":" + exception.getColumnNumber() + " " + exception.getMessage();
	}

	/**
	 * Records errors into the list of the page being checked: the validator keeps the
	 * handler it was set up with.
	 */
	private static final class Collector implements ErrorHandler {

		private static final Collector INSTANCE = new Collector();

		private List<String> errors = new ArrayList<>();

		private SimpleDocumentValidator validator;

		SimpleDocumentValidator validator() {
			if (this.validator == null) {
				try {
					SimpleDocumentValidator created = new SimpleDocumentValidator(true, false, false);
					created.setUpMainSchema(HTML_SCHEMA, this);
					created.setUpValidatorAndParsers(this, false, false);
					this.validator = created;
				}
				catch (Exception ex) {
					throw new IllegalStateException("The Nu Html Checker could not start", ex);
				}
			}
			return this.validator;
		}

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) {
			this.errors.add(describe(exception));
		}

		@Override
		public void fatalError(SAXParseException exception) {
			this.errors.add(describe(exception));
		}

	}

}
