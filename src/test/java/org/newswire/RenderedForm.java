package org.newswire;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Connection.KeyVal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A form as a page rendered it, filled in as a person would: only the controls the page
 * shows can be typed into or chosen, and the request carries exactly what the browser
 * would send (jsoup's {@code FormElement.formData()}), every control in page order, a
 * doubled control included. Hand-built parameter maps stay in the hostile-input tests.
 */
public final class RenderedForm {

	private final Document page;

	private final FormElement form;

	private String pressed;

	private RenderedForm(Document page, FormElement form) {
		this.page = page;
		this.form = form;
	}

	/** The one form on the page that posts to {@code action} (a path). */
	public static RenderedForm of(String html, String action) {
		Document page = Jsoup.parse(html, "http://localhost/");
		List<FormElement> forms = page.select("form[action=" + action + "]").forms();
		assertThat(forms).as("forms posting to " + action).hasSize(1);
		return new RenderedForm(page, forms.get(0));
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
			assertThat(control.attr("type")).as(name + " is typed into").isIn("text", "password", "datetime-local", "");
			control.val(text);
		}
		return this;
	}

	/**
	 * Chooses the option of a select by its value, as a person picks it from the list.
	 */
	public RenderedForm choose(String name, String value) {
		Element select = control(name);
		assertThat(select.tagName()).as(name).isEqualTo("select");
		Element option = select.selectFirst("option[value=" + value + "]");
		assertThat(option).as(name + " offers " + value).isNotNull();
		select.select("option").removeAttr("selected");
		option.attr("selected", "selected");
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
		List<KeyVal> data = new ArrayList<>(this.form.formData());
		if (this.pressed != null) {
			Element button = this.form.selectFirst("button[value=" + this.pressed + "]");
			data.add(org.jsoup.helper.HttpConnection.KeyVal.create(button.attr("name"), this.pressed));
		}
		return data;
	}

	/** The POST the browser would send, parameters in page order, none merged. */
	public MockHttpServletRequestBuilder request() {
		MockHttpServletRequestBuilder request = post(this.form.attr("action"));
		for (KeyVal field : data()) {
			request.param(field.key(), field.value());
		}
		return request;
	}

	private Element control(String name) {
		List<Element> controls = this.form.select("[name=" + name + "]");
		assertThat(controls).as("controls named " + name).hasSize(1);
		return controls.get(0);
	}

}
