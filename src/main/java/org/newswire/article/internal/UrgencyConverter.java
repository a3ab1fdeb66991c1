package org.newswire.article.internal;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.newswire.article.Urgency;

/**
 * Stores urgency as its wire level, 1 to 8, so the column reads as wire services write
 * it.
 */
@Converter(autoApply = true)
class UrgencyConverter implements AttributeConverter<Urgency, Integer> {

	@Override
	public Integer convertToDatabaseColumn(Urgency urgency) {
		return (urgency != null) ? urgency.level() : null;
	}

	@Override
	public Urgency convertToEntityAttribute(Integer level) {
		return (level != null) ? Urgency.of(level) : null;
	}

}
