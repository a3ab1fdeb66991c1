package org.newswire;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jsoup.Connection.KeyVal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form as a page rendered it, filled in as a person would: only the controls the page
 * shows can be typed into or chosen, and the request carries exactly what the browser
 * would send (jsoup's {@code FormElement.formData()}), every control in page order, a
 * doubled control included. What a browser would not let a person send is refused here:
 * text past a field's {@code maxlength}, a line break in a one-line field, a
 * {@code datetime-local} value that is not a date and time. Hand-built parameter maps
 * stay in the hostile-input tests.
 */
public final class RenderedForm {

	private final Document page;

	private final FormElement form;

	private String pressed;

	private final List<MockPart> files = new ArrayList<>();

	private RenderedForm(Document page, FormElement form) {
		this.page = page;
		this.form = form;
	}

	/** The one form on the page that posts to {@code action} (a path). */
	public static RenderedForm of(String html, String action) {
		return select(html, "form[action=\"" + action + "\"]");
	}

	/**
	 * The one form on the page that {@code cssQuery} selects, where its action alone does
	 * not single it out (the search page has the site's search box and its own).
	 */
	public static RenderedForm select(String html, String cssQuery) {
		Document page = Jsoup.parse(html, "http://localhost/");
		List<FormElement> forms = page.select(cssQuery).forms();
		assertThat(forms).as("forms " + cssQuery).hasSize(1);
		return new RenderedForm(page, forms.get(0));
	}

	/** The page a request answers, whatever its status, as the browser would read it. */
	public static Document page(ResultActions answer) throws Exception {
		return Jsoup.parse(answer.andReturn().getResponse().getContentAsString());
	}

	/** The page a request answers with 200. */
	public static Document page(MockMvc mvc, RequestBuilder request) throws Exception {
		return page(mvc.perform(request).andExpect(status().isOk()));
	}

	/** The one form posting to {@code action} on the page a request answers with 200. */
	public static RenderedForm on(MockMvc mvc, RequestBuilder request, String action) throws Exception {
		return of(page(mvc, request).outerHtml(), action);
	}

	public Document page() {
		return this.page;
	}

	/**
	 * Types into the text field or text area labelled by {@code name}, replacing its
	 * text.
	 */
	public RenderedForm type(String name, String text) {
		Element control = control(name);
		if (control.tagName().equals("textarea")) {
			control.text(text);
		}
		else {
			assertThat(control.tagName()).as(name).isEqualTo("input");
			assertThat(control.attr("type")).as(name + " is typed into")
				.isIn("text", "search", "password", "datetime-local", "");
			assertThat(text).as(name + " is one line: a browser drops line breaks").doesNotContain("\n", "\r");
			if (control.attr("type").equals("datetime-local") && !text.isEmpty()) {
				try {
					LocalDateTime.parse(text);
				}
				catch (DateTimeParseException ex) {
					throw new AssertionError(name + " sends a date and time or nothing, never \"" + text + "\"", ex);
				}
			}
			control.val(text);
		}
		if (control.hasAttr("maxlength")) {
			assertThat(text.length()).as(name + " takes no more than its maxlength")
				.isLessThanOrEqualTo(Integer.parseInt(control.attr("maxlength")));
		}
		return this;
	}

	/**
	 * Chooses the option of a select, or the radio button of a group, by its value, as a
	 * person picks it.
	 */
	public RenderedForm choose(String name, String value) {
		List<Element> radios = this.form.select("input[type=radio][name=" + name + "]");
		if (!radios.isEmpty()) {
			Element radio = this.form.selectFirst("input[type=radio][name=" + name + "][value=" + value + "]");
			assertThat(radio).as(name + " offers " + value).isNotNull();
			radios.forEach((other) -> other.removeAttr("checked"));
			radio.attr("checked", "checked");
			return this;
		}
		Element select = control(name);
		assertThat(select.tagName()).as(name).isEqualTo("select");
		Element option = select.selectFirst("option[value=" + value + "]");
		assertThat(option).as(name + " offers " + value).isNotNull();
		select.select("option").removeAttr("selected");
		option.attr("selected", "selected");
		return this;
	}

	/**
	 * Ticks the checkbox {@code name}, as a person clicks it.
	 */
	public RenderedForm tick(String name) {
		Element box = this.form.selectFirst("input[type=checkbox][name=" + name + "]");
		assertThat(box).as("checkbox " + name).isNotNull();
		box.attr("checked", "checked");
		return this;
	}

	/**
	 * Chooses a file for the file field {@code name}, as a person picks one from disk.
	 */
	public RenderedForm attach(String name, String fileName, String contentType, byte[] bytes) {
		Element control = control(name);
		assertThat(control.tagName() + " " + control.attr("type")).as(name).isEqualTo("input file");
		assertThat(this.form.attr("enctype")).as("a form that sends files").isEqualTo("multipart/form-data");
		this.files.add(new MockPart(name, fileName, bytes, MediaType.parseMediaType(contentType)));
		return this;
	}

	/**
	 * Which submit button is pressed: its value goes with the form, as a browser sends
	 * it.
	 */
	public RenderedForm press(String buttonValue) {
		assertThat(this.form.select("button[value=" + buttonValue + "]")).as("button " + buttonValue).hasSize(1);
		this.pressed = buttonValue;
		return this;
	}

	public List<KeyVal> data() {
		List<String> fileFields = this.form.select("input[type=file]").eachAttr("name");
		List<KeyVal> data = new ArrayList<>(this.form.formData());
		data.removeIf((field) -> fileFields.contains(field.key()));
		if (this.pressed != null) {
			Element button = this.form.selectFirst("button[value=" + this.pressed + "]");
			data.add(org.jsoup.helper.HttpConnection.KeyVal.create(button.attr("name"), this.pressed));
		}
		return data;
	}

	/**
	 * The request the browser would send, parameters in page order, none merged, line
	 * breaks as CRLF: a POST, or for a {@code method=get} form a GET of the action with
	 * the fields as its query.
	 */
	public MockHttpServletRequestBuilder request() {
		if (this.form.attr("method").equalsIgnoreCase("get")) {
			String query = data().stream()
				.map((field) -> encode(field.key()) + "=" + encode(crlf(field.value())))
				.collect(Collectors.joining("&"));
			return get(URI.create(this.form.attr("action") + "?" + query));
		}
		MockHttpServletRequestBuilder request = post(this.form.attr("action"));
		if (this.form.attr("enctype").equals("multipart/form-data")) {
			// A file field left empty is sent by a browser as an empty file, which the
			// controller sees as none, as it sees a part MockMvc is not given.
			request.contentType(MediaType.MULTIPART_FORM_DATA).with((sent) -> {
				this.files.forEach(sent::addPart);
				return sent;
			});
		}
		for (KeyVal field : data()) {
			request.param(field.key(), crlf(field.value()));
		}
		return request;
	}

	private static String crlf(String value) {
		return value.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
	}

	/** As a browser encodes a query, a space as %20 (MockMvc reads no + as a space). */
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private Element control(String name) {
		List<Element> controls = this.form.select("[name=" + name + "]");
		assertThat(controls).as("controls named " + name).hasSize(1);
		return controls.get(0);
	}

}
