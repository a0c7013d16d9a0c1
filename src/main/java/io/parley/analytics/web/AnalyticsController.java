package io.parley.analytics.web;

import io.parley.analytics.TeamAnalytics;
import io.parley.system.ApiResponse;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;
import io.parley.workspace.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AnalyticsController {

	private final TeamAnalytics analytics;

	AnalyticsController(TeamAnalytics analytics) {
		this.analytics = analytics;
	}

	@GetMapping(path = "/admin/analytics", produces = "application/json")
	@RequiresPermission(Permission.VIEW_ANALYTICS)
	ApiResponse bySupervisor(Caller caller) {
		return ApiResponse.ok(this.analytics.bySupervisor(caller.workspaceId()));
	}

}
