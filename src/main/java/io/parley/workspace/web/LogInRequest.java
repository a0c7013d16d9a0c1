package io.parley.workspace.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param workspaceId the workspace to act in; the oldest active membership when absent
 */
record LogInRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password,
		@Size(max = 100) String workspaceId) {
}
