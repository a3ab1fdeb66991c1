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

	public static synchronized List<String> errors(String html) {
		List<String> errors = new ArrayList<>();
		ErrorHandler collector = new ErrorHandler() {

			@Override
			public void warning(SAXParseException exception) {
			}

			@Override
			public void error(SAXParseException exception) {
				errors.add(describe(exception));
			}

			@Override
			public void fatalError(SAXParseException exception) {
				errors.add(describe(exception));
			}

		};
		try {
			SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
			validator.setUpMainSchema(HTML_SCHEMA, collector);
			validator.setUpValidatorAndParsers(collector, false, false);
			InputSource source = new InputSource(new StringReader(html));
			source.setEncoding("UTF-8");
			validator.checkHtmlInputSource(source);
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
		catch (Exception ex) {
			throw new IllegalStateException("The Nu Html Checker could not start", ex);
		}
		return errors;
	}

	private static String describe(SAXParseException exception) {
		return exception.getLineNumber() + ":" + exception.getColumnNumber() + " " + exception.getMessage();
	}

}
