package io.parley.dashboard.web;

import io.parley.workspace.Caller;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Saving the inbox's current filters as a view of one's own, and deleting one. */
@Controller
class SavedViewsController {

	private final SavedViews views;

	SavedViewsController(SavedViews views) {
		this.views = views;
	}

	@PostMapping("/app/views")
	String save(Caller caller, @RequestParam(defaultValue = "") String name, InboxParameters parameters) {
		SavedViews.SavedView saved = this.views.save(caller, name, parameters);
		return "redirect:/app/inbox?" + saved.query();
	}

	@PostMapping("/app/views/{id}/delete")
	String delete(Caller caller, @PathVariable String id) {
		this.views.delete(caller, id);
		return "redirect:/app/inbox";
	}

}
