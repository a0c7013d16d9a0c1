package io.parley.dashboard.web;

import java.util.List;

import io.parley.workspace.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The sections the member may open, for the side navigation of every settings page, and
 * the (empty until refused) errors beside its form's fields.
 */
@ControllerAdvice(assignableTypes = { SettingsPageController.class, WidgetSettingsController.class,
		MembersSettingsController.class, RolesSettingsController.class, CannedResponseSettingsController.class,
		TwoFactorSettingsController.class, MailboxSettingsController.class, GmailSettingsController.class })
class SettingsModel {

	@ModelAttribute("settingsSections")
	List<SettingsSection> sections(@Nullable Caller caller) {
		return (caller != null) ? SettingsSection.openTo(caller) : List.of();
	}

	@ModelAttribute("errors")
	FormErrors errors() {
		return new FormErrors();
	}

}
