package org.newswire.feed;

import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The IPTC ninjs 2.2 schema, loaded from the test classpath: its own id and the GeoJSON
 * schema it refers to are mapped onto the copies in {@code src/test/resources/ninjs}, so
 * nothing is fetched from the network. Formats (date-time, uri) are asserted, not just
 * annotated.
 */
final class NinjsSchema {

	private static final JsonSchema SCHEMA = JsonSchemaFactory
		.getInstance(SpecVersion.VersionFlag.V202012,
				(factory) -> factory
					.schemaMappers((mappers) -> mappers.mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:ninjs/")
						.mapPrefix("https://geojson.org/schema/GeoJSON.json", "classpath:ninjs/GeoJSON-schema.json")))
		.getSchema(SchemaLocation.of(Ninjs.SCHEMA),
				SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

	private NinjsSchema() {
	}

	/**
	 * What the schema finds wrong with the JSON text; empty when it is a valid ninjs
	 * item.
	 */
	static Set<ValidationMessage> validate(String json) {
		return SCHEMA.validate(json, InputFormat.JSON);
	}

}
