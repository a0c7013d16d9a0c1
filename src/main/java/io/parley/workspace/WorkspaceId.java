package io.parley.workspace;

import java.util.Optional;
import java.util.UUID;

/**
 * A workspace: the seeds' organization, agency or project. Every record belongs to one.
 */
public record WorkspaceId(UUID value) {

	/** The workspace created at first start, where seed 003's sign-up puts everyone. */
	public static final WorkspaceId DEFAULT = new WorkspaceId(UUID.fromString("00000000-0000-0000-0000-000000000001"));

	public static WorkspaceId random() {
		return new WorkspaceId(UUID.randomUUID());
	}

	/** The id in {@code value}, or empty when it cannot name any workspace. */
	public static Optional<WorkspaceId> parse(String value) {
		try {
			return Optional.of(new WorkspaceId(UUID.fromString(value)));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
