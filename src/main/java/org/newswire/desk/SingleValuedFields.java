package org.newswire.desk;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.bind.WebDataBinder;

/**
 * A form field that holds one value but arrives with several is refused, never joined.
 * Spring binds {@code headline=a&headline=b} to a text property as "a,b": that is how a
 * second control under the same name (a broken template, a script, a hostile client) once
 * turned every headline into "headline,,". The form comes back with the first copy in the
 * field and the other copies quoted in the message, so nothing the editor typed is lost,
 * and nothing is published until the form is sent again with one value per field.
 */
final class SingleValuedFields implements Validator {

	static final String DOUBLED = "desk.validation.doubled";

	static final String DOUBLED_WITH_TEXT = "desk.validation.doubledWithText";

	private final Map<String, List<String>> doubled;

	private SingleValuedFields(Map<String, List<String>> doubled) {
		this.doubled = doubled;
	}

	/**
	 * Text arrives trimmed, an empty field as {@code null}; a single-valued property of
	 * the form that arrives more than once keeps its first copy and fails validation.
	 */
	static void guard(WebDataBinder binder, Map<String, String[]> parameters) {
		binder.registerCustomEditor(String.class, new Text());
		Map<String, List<String>> doubled = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (values.length > 1) {
				doubled.put(name, Arrays.asList(values));
			}
		});
		// The form object may not exist yet (Spring constructs it after this), so which
		// parameters are its single-valued properties is decided when it is validated.
		if (!doubled.isEmpty()) {
			binder.addValidators(new SingleValuedFields(doubled));
		}
	}

	private static boolean singleValued(BeanWrapper properties, String name) {
		if (!properties.isWritableProperty(name)) {
			return false;
		}
		Class<?> type = properties.getPropertyType(name);
		return type != null && !type.isArray() && !Iterable.class.isAssignableFrom(type);
	}

	@Override
	public boolean supports(Class<?> type) {
		return true;
	}

	@Override
	public void validate(Object target, Errors errors) {
		BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(target);
		this.doubled.forEach((field, values) -> {
			if (!singleValued(properties, field)) {
				return;
			}
			String others = values.stream()
				.skip(1)
				.map(String::strip)
				.filter(StringUtils::hasText)
				.map((value) -> "\u201c" + value + "\u201d")
				.collect(Collectors.joining(", "));
			if (others.isEmpty()) {
				errors.rejectValue(field, DOUBLED, new Object[] { values.size() },
						"This field arrived more than once.");
			}
			else {
				errors.rejectValue(field, DOUBLED_WITH_TEXT, new Object[] { values.size(), others },
						"This field arrived more than once.");
			}
		});
	}

	/**
	 * Trims text and reads an empty field as none; of several copies it keeps the first,
	 * where Spring would otherwise join them with commas. Line breaks become LF: a
	 * browser sends each as CR LF but counts it as one character against
	 * {@code maxlength}, as the length limits here do.
	 */
	private static final class Text extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			String trimmed = (text != null) ? text.replace("\r\n", "\n").replace('\r', '\n').trim() : null;
			super.setValue(StringUtils.hasLength(trimmed) ? trimmed : null);
		}

		@Override
		public void setValue(Object value) {
			if (value instanceof String[] copies) {
				setAsText((copies.length > 0) ? copies[0] : null);
			}
			else if (value instanceof String text) {
				setAsText(text);
			}
			else {
				super.setValue(value);
			}
		}

	}

}
