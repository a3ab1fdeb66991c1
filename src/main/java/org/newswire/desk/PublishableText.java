package org.newswire.desk;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text the portal can publish everywhere it goes: in pages, and in feeds, sitemaps and
 * ninjs, which XML 1.0 or JSON readers parse. Refuses what XML 1.0 cannot carry (control
 * characters other than tab and line breaks, U+FFFE, U+FFFF, broken surrogate pairs). A
 * single-line field (a headline, byline, dateline, slugline, note or ticker line) also
 * refuses line breaks and other control characters, direction overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which make a line read differently from what it holds,
 * and text that is only invisible characters (U+FEFF, zero-width spaces). Each refusal
 * names the character and where it is, so the editor can find it.
 */
@Documented
@Constraint(validatedBy = PublishableTextValidator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface PublishableText {

	boolean singleLine() default false;

	String message() default "{desk.validation.character}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
