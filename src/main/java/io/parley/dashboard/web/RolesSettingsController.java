package io.parley.dashboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.parley.system.ErrorCode;
import io.parley.system.Page;
import io.parley.system.ParleyException;
import io.parley.workspace.Caller;
import io.parley.workspace.RoleCatalog;
import io.parley.workspace.RolePage;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Roles and permissions ({@link SettingsSection#ROLES}, {@code roles.manage}): every role
 * with what it grants, and the workspace's own roles created, renamed, given other
 * permissions and deleted through {@link RoleCatalog}, as {@code /api/roles} does. A
 * refused form comes back with what was typed and the reason beside its field.
 */
@Controller
class RolesSettingsController {

	/** Refusals that are about what was sent, not about who sent it or what exists. */
	private static final Set<ErrorCode> ABOUT_THE_FORM = Set.of(ErrorCode.INVALID_REQUEST_SCHEMA,
			ErrorCode.ROLE_NAME_TAKEN, ErrorCode.FORBIDDEN, ErrorCode.ROLE_IN_USE);

	private final RoleCatalog catalog;

	RolesSettingsController(RoleCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/app/settings/roles")
	String page(Caller caller, Model model) {
		SettingsSection.ROLES.requireOpenTo(caller);
		return list(caller, model, RoleForm.empty());
	}

	@PostMapping("/app/settings/roles")
	String create(Caller caller, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) List<String> permissions, Model model, HttpServletResponse response) {
		SettingsSection.ROLES.requireOpenTo(caller);
		RoleForm form = new RoleForm(name, (permissions != null) ? permissions : List.of());
		try {
			this.catalog.create(caller, form.name(), form.permissions());
		}
		catch (ParleyException ex) {
			model.addAttribute("refusal", refusal(ex, response));
			return list(caller, model, form);
		}
		return "redirect:/app/settings/roles?created";
	}

	@GetMapping("/app/settings/roles/{id}")
	String edit(Caller caller, @PathVariable String id, Model model) {
		SettingsSection.ROLES.requireOpenTo(caller);
		RoleRow role = customRole(caller, id);
		return editor(caller, model, role, RoleForm.of(role));
	}

	@PostMapping("/app/settings/roles/{id}")
	String update(Caller caller, @PathVariable String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) List<String> permissions, Model model, HttpServletResponse response) {
		SettingsSection.ROLES.requireOpenTo(caller);
		RoleForm form = new RoleForm(name, (permissions != null) ? permissions : List.of());
		try {
			this.catalog.update(caller, id, form.name(), form.permissions());
		}
		catch (ParleyException ex) {
			model.addAttribute("refusal", refusal(ex, response));
			return editor(caller, model, customRole(caller, id), form);
		}
		return "redirect:/app/settings/roles?saved";
	}

	@PostMapping("/app/settings/roles/{id}/delete")
	String delete(Caller caller, @PathVariable String id, Model model, HttpServletResponse response) {
		SettingsSection.ROLES.requireOpenTo(caller);
		try {
			this.catalog.delete(caller, id);
		}
		catch (ParleyException ex) {
			model.addAttribute("refusal", refusal(ex, response));
			RoleRow role = customRole(caller, id);
			return editor(caller, model, role, RoleForm.of(role));
		}
		return "redirect:/app/settings/roles?deleted";
	}

	private String list(Caller caller, Model model, RoleForm form) {
		model.addAttribute("roles", roles(caller));
		model.addAttribute("catalog", PermissionChoice.catalogFor(caller));
		model.addAttribute("form", form);
		return "app/settings-roles";
	}

	private String editor(Caller caller, Model model, RoleRow role, RoleForm form) {
		model.addAttribute("role", role);
		model.addAttribute("catalog", PermissionChoice.catalogFor(caller));
		model.addAttribute("form", form);
		return "app/settings-role";
	}

	/**
	 * The refusal to show beside the form's field; anything else (a role of another
	 * workspace, ...) is the error page's.
	 */
	private static FieldRefusal refusal(ParleyException ex, HttpServletResponse response) {
		if (!ABOUT_THE_FORM.contains(ex.code())) {
			throw ex;
		}
		response.setStatus(ex.code().status());
		String field = switch (ex.code()) {
			case FORBIDDEN -> "permissions";
			case ROLE_IN_USE -> "delete";
			default -> "name";
		};
		return new FieldRefusal(field, ex.code());
	}

	/**
	 * @throws ParleyException {@link ErrorCode#ROLE_NOT_FOUND} for a built-in role or one
	 * of another workspace
	 */
	private RoleRow customRole(Caller caller, String id) {
		return roles(caller).stream()
			.filter((role) -> !role.builtIn() && role.id().equals(id))
			.findFirst()
			.orElseThrow(ErrorCode.ROLE_NOT_FOUND::exception);
	}

	private List<RoleRow> roles(Caller caller) {
		List<RoleRow> roles = new ArrayList<>();
		String cursor = null;
		do {
			RolePage page = this.catalog.roles(caller, cursor, Page.MAX_LIMIT);
			page.builtIn().stream().map(RoleRow::of).forEach(roles::add);
			page.custom().stream().map(RoleRow::of).forEach(roles::add);
			cursor = page.nextCursor();
		}
		while (cursor != null);
		return roles;
	}

}
