package io.parley.analytics.web;

import io.parley.analytics.TeamAnalytics;
import io.parley.identity.Caller;
import io.parley.identity.Permission;
import io.parley.identity.RequiresPermission;
import io.parley.system.ApiResponse;

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
