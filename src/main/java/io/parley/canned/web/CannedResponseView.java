package io.parley.canned.web;

import io.parley.canned.CannedResponse;
import io.parley.canned.Visibility;
import io.parley.system.Timestamps;

record CannedResponseView(String id, String shortcut, String title, String body, Visibility visibility, String ownerId,
		String createdAt, String updatedAt) {

	static CannedResponseView of(CannedResponse response) {
		return new CannedResponseView(response.id().toString(), response.shortcut(), response.title(), response.body(),
				response.visibility(), response.ownerId().toString(), Timestamps.format(response.createdAt()),
				Timestamps.format(response.updatedAt()));
	}

}
