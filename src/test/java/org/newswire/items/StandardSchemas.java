package org.newswire.items;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * IPTC's ninjs 2.2 and 3.0 JSON schemas and NewsML-G2 2.35 XSD, loaded from
 * {@code src/test/resources/standards}, so nothing is fetched from the network. JSON
 * formats (date-time, uri) are asserted, not just annotated.
 */
public final class StandardSchemas {

	private static final JsonSchemaFactory JSON = JsonSchemaFactory
		.getInstance(SpecVersion.VersionFlag.V202012,
				(factory) -> factory.schemaMappers((mappers) -> mappers
					.mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:standards/")
					.mapPrefix("https://geojson.org/schema/GeoJSON.json", "classpath:standards/GeoJSON-schema.json")));

	private static final JsonSchema NINJS_2 = ninjs(ItemFormat.NINJS_2);

	private static final JsonSchema NINJS_3 = ninjs(ItemFormat.NINJS_3);

	private static final Schema NEWSML_G2 = newsmlG2();

	private StandardSchemas() {
	}

	/**
	 * What the format's schema finds wrong with the JSON text of an item; empty when it
	 * is valid.
	 */
	public static Set<ValidationMessage> ninjs(ItemFormat format, String json) {
		return ((format == ItemFormat.NINJS_3) ? NINJS_3 : NINJS_2).validate(json, InputFormat.JSON);
	}

	/**
	 * What the NewsML-G2 XSD finds wrong with the document, warnings included; empty when
	 * it is valid.
	 */
	public static List<String> newsmlG2(byte[] xml) {
		List<String> problems = new ArrayList<>();
		Validator validator = NEWSML_G2.newValidator();
		validator.setErrorHandler(new ErrorHandler() {

			@Override
			public void warning(SAXParseException ex) {
				problems.add("warning: " + ex.getMessage());
			}

			@Override
			public void error(SAXParseException ex) {
				problems.add("error: " + ex.getMessage());
			}

			@Override
			public void fatalError(SAXParseException ex) {
				problems.add("fatal: " + ex.getMessage());
			}

		});
		try {
			validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
		}
		catch (SAXException | IOException ex) {
			problems.add(ex.getMessage());
		}
		return problems;
	}

	private static JsonSchema ninjs(ItemFormat format) {
		return JSON.getSchema(SchemaLocation.of(format.schema().orElseThrow()),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
	}

	private static Schema newsmlG2() {
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			// Only the local copies: the XSD imports xml.xsd beside it.
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
			return factory
				.newSchema(StandardSchemas.class.getResource("/standards/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd"));
		}
		catch (SAXException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
