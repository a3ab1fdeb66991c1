package org.newswire.audit;

import java.util.List;

import jakarta.validation.constraints.Positive;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, newest first, for admins. A desk page like the others: the desk's
 * {@code DeskAdvice} gives it the layout's model and answers a position that is no entry
 * id (not a number, or not positive) with the desk's 400 page.
 */
@Controller
class AuditController {

	static final String VIEW = "desk/audit";

	static final int PAGE_SIZE = 50;

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/desk/audit")
	String audit(@RequestParam(required = false) @Positive Long before, Model model) {
		List<AuditEntry> rows = this.audit.page(before, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<AuditEntry> page = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("entries", page);
		model.addAttribute("next", more ? page.get(PAGE_SIZE - 1).getId() : null);
		return VIEW;
	}

}
