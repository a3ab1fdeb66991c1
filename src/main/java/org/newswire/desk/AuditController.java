package org.newswire.desk;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, newest first, for admins.
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
	String audit(@RequestParam(required = false) Long before, Model model) {
		if (before != null && before < 1) {
			throw new BadDeskRequestException("Bad audit position");
		}
		List<AuditEntry> rows = this.audit.page(before, PAGE_SIZE + 1);
		boolean more = rows.size() > PAGE_SIZE;
		List<AuditEntry> page = more ? rows.subList(0, PAGE_SIZE) : rows;
		model.addAttribute("entries", page);
		model.addAttribute("next", more ? page.get(PAGE_SIZE - 1).getId() : null);
		return VIEW;
	}

}
