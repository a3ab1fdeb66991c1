package org.newswire.feed;

import java.util.Set;

import com.networknt.schema.ValidationMessage;
import org.newswire.items.ItemFormat;
import org.newswire.items.StandardSchemas;

/**
 * The IPTC ninjs 2.2 schema the public ninjs API follows.
 */
final class NinjsSchema {

	private NinjsSchema() {
	}

	/**
	 * What the schema finds wrong with the JSON text; empty when it is a valid ninjs
	 * item.
	 */
	static Set<ValidationMessage> validate(String json) {
		return StandardSchemas.ninjs(ItemFormat.NINJS_2, json);
	}

}
