package io.parley.workspace.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record SignUpRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 254) String email,
		@NotNull @Size(min = 6, max = 72) String password, @NotNull String role, @Size(max = 100) String supervisorId) {
}
