package org.newswire.desk;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Checks {@link PublishableText}: the first character that cannot be published decides
 * the message.
 */
class PublishableTextValidator implements ConstraintValidator<PublishableText, String> {

	private boolean singleLine;

	@Override
	public void initialize(PublishableText constraint) {
		this.singleLine = constraint.singleLine();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		int position = 0;
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			position++;
			int c = value.codePointAt(i);
			String problem = problem(c);
			if (problem != null) {
				return refuse(context, problem, c, position);
			}
		}
		if (this.singleLine && !value.isBlank() && value.codePoints().allMatch(PublishableTextValidator::invisible)) {
			return refuse(context, "{desk.validation.invisibleOnly}", value.codePointAt(0), 1);
		}
		return true;
	}

	private String problem(int c) {
		if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
			return "{desk.validation.brokenCharacter}";
		}
		if (this.singleLine && (c == '\n' || c == '\r')) {
			return "{desk.validation.singleLine}";
		}
		if (!allowedInXml(c)) {
			return "{desk.validation.character}";
		}
		if (this.singleLine && Character.getType(c) == Character.CONTROL) {
			return "{desk.validation.control}";
		}
		if (this.singleLine && directionOverride(c)) {
			return "{desk.validation.direction}";
		}
		return null;
	}

	/**
	 * The Char production of XML 1.0.
	 */
	private static boolean allowedInXml(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

	private static boolean directionOverride(int c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
	}

	private static boolean invisible(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
	}

	private static boolean refuse(ConstraintValidatorContext context, String message, int c, int position) {
		context.disableDefaultConstraintViolation();
		context.unwrap(HibernateConstraintValidatorContext.class)
			.addMessageParameter("character", "U+%04X".formatted(c))
			.addMessageParameter("position", position)
			.buildConstraintViolationWithTemplate(message)
			.addConstraintViolation();
		return false;
	}

}
