package org.newswire.desk;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.newswire.accounts.EditorRole;
import org.newswire.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newswire.DeskFixtures.asAdmin;
import static org.newswire.DeskFixtures.asEditor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * {@link DeskAdvice} reaches every controller of the desk, the accounts, the audit log,
 * the wire clients' desk pages and the webhook endpoints' pages (all pages under
 * {@code /desk}), one added later included, and no controller of another module: it is
 * scoped by package, not by a list of classes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DeskAdviceTests {

	/** The modules that serve pages under {@code /desk}. */
	private static final List<String> DESK_PAGES = List.of(DeskAdvice.class.getPackageName(),
			EditorRole.class.getPackageName(), AuditLog.class.getPackageName(), "org.newswire.clients.desk",
			"org.newswire.push.desk");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void appliesToEveryDeskControllerAndNoOther() {
		ControllerAdviceBean advice = deskAdvice();
		List<Class<?>> controllers = this.context.getBeansWithAnnotation(Controller.class)
			.values()
			.stream()
			.<Class<?>>map(Object::getClass)
			.toList();
		assertThat(controllers).filteredOn(DeskAdviceTests::inDesk)
			.hasSizeGreaterThanOrEqualTo(7)
			.allMatch(advice::isApplicableToBeanType)
			.extracting(Class::getPackageName)
			.containsAll(DESK_PAGES);
		assertThat(controllers).filteredOn((type) -> !inDesk(type))
			.isNotEmpty()
			.noneMatch(advice::isApplicableToBeanType);
		assertThat(advice.isApplicableToBeanType(ControllerAddedLater.class)).isTrue();
		// The modules listed above are those that serve /desk, as their mappings say: a
		// controller of /desk pages in a package of its own fails here, not on the desk.
		assertThat(underDesk()).isNotEmpty().allMatch(DeskAdviceTests::inDesk);
		assertThat(controllers).filteredOn(DeskAdviceTests::inDesk).allMatch(underDesk()::contains);
	}

	@Test
	void aDeskPageGetsTheSignedInEditorAndTheDeskErrorPage() throws Exception {
		this.mvc.perform(asEditor(get("/desk"), "ada"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("editorName", "ada"));
		// Hand-built: a position no link points to.
		this.mvc.perform(asEditor(get("/desk").param("before", "yesterday"), "ada"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(DeskAdvice.ERROR_VIEW));
	}

	@Test
	void theAccountsAndAuditPagesGetTheSignedInEditorAndTheDeskErrorPage() throws Exception {
		this.mvc.perform(asAdmin(get("/desk/editors")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("editorName", "chief"))
			.andExpect(model().attribute("admin", true));
		this.mvc.perform(asAdmin(get("/desk/audit")))
			.andExpect(status().isOk())
			.andExpect(model().attribute("editorName", "chief"));
		// Hand-built: an account and an audit position no link points to.
		this.mvc.perform(asAdmin(get("/desk/editors/987654/password")))
			.andExpect(status().isNotFound())
			.andExpect(view().name(DeskAdvice.ERROR_VIEW));
		this.mvc.perform(asAdmin(get("/desk/audit").param("before", "0")))
			.andExpect(status().isBadRequest())
			.andExpect(view().name(DeskAdvice.ERROR_VIEW));
	}

	private ControllerAdviceBean deskAdvice() {
		return ControllerAdviceBean.findAnnotatedBeans(this.context)
			.stream()
			.filter((bean) -> bean.getBeanType() == DeskAdvice.class)
			.findFirst()
			.orElseThrow();
	}

	/** The controllers with a request mapping under {@code /desk}. */
	private Set<Class<?>> underDesk() {
		return this.mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((mapping) -> mapping.getKey()
				.getPatternValues()
				.stream()
				.anyMatch((pattern) -> pattern.equals("/desk") || pattern.startsWith("/desk/")))
			.map((mapping) -> mapping.getValue().getBeanType())
			.collect(Collectors.toSet());
	}

	private static boolean inDesk(Class<?> type) {
		return DESK_PAGES.contains(type.getPackageName());
	}

	/**
	 * Stands for a desk controller nobody has written yet (not annotated, so no test
	 * context picks it up).
	 */
	static class ControllerAddedLater {

	}

}
