package org.newswire.article.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.newswire.article.PubStatus;

/**
 * Stores pubstatus in the ninjs spelling so the column reads the same as the feeds.
 */
@Converter(autoApply = true)
class PubStatusConverter implements AttributeConverter<PubStatus, String> {

	@Override
	public String convertToDatabaseColumn(PubStatus status) {
		return (status != null) ? status.ninjs() : null;
	}

	@Override
	public PubStatus convertToEntityAttribute(String value) {
		return (value != null) ? PubStatus.ofNinjs(value) : null;
	}

}
