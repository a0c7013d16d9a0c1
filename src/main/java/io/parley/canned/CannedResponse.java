package io.parley.canned;

import java.time.Instant;
import java.util.regex.Pattern;

import io.parley.conversation.Message;
import io.parley.identity.UserId;
import io.parley.system.ErrorCode;
import io.parley.workspace.Caller;
import io.parley.workspace.WorkspaceId;

/**
 * A text the staff insert into replies by typing {@code /} and its shortcut, with
 * placeholders filled for the conversation at hand (decisions 81 and 82).
 *
 * @param ownerId who wrote a shared response; the only member who sees a private one
 * @param shortcut lower-case letters, digits and dashes, unique among the workspace's
 * shared responses and among each member's private ones
 */
public record CannedResponse(CannedResponseId id, WorkspaceId workspaceId, UserId ownerId, Visibility visibility,
		String shortcut, String title, String body, Instant createdAt, Instant updatedAt) {

	public static final int MAX_SHORTCUT = 32;

	public static final int MAX_TITLE = 200;

	/** What one message carries: a longer response could not be sent. */
	public static final int MAX_BODY = Message.MAX_LENGTH;

	private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9-]{1," + MAX_SHORTCUT + "}");

	/**
	 * A new response of the caller's.
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_SHORTCUT},
	 * {@link ErrorCode#INVALID_REQUEST_SCHEMA} for a missing or malformed field
	 */
	static CannedResponse write(Caller owner, CannedResponseEdit edit, Instant now) {
		if (edit.shortcut() == null || edit.title() == null || edit.body() == null) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		Visibility visibility = (edit.visibility() != null) ? visibility(edit.visibility()) : Visibility.PRIVATE;
		return new CannedResponse(CannedResponseId.random(), owner.workspaceId(), owner.userId(), visibility,
				shortcut(edit.shortcut()), title(edit.title()), body(edit.body()), now, now);
	}

	/**
	 * This response with what the edit gives changed. One made private by an editor
	 * becomes the editor's own.
	 */
	CannedResponse edit(Caller editor, CannedResponseEdit edit, Instant now) {
		Visibility changed = (edit.visibility() != null) ? visibility(edit.visibility()) : this.visibility;
		UserId owner = (changed == Visibility.PRIVATE && this.visibility == Visibility.SHARED) ? editor.userId()
				: this.ownerId;
		return new CannedResponse(this.id, this.workspaceId, owner, changed,
				(edit.shortcut() != null) ? shortcut(edit.shortcut()) : this.shortcut,
				(edit.title() != null) ? title(edit.title()) : this.title,
				(edit.body() != null) ? body(edit.body()) : this.body, this.createdAt, now);
	}

	public boolean isShared() {
		return this.visibility == Visibility.SHARED;
	}

	static boolean isShortcut(String value) {
		return SHORTCUT.matcher(value).matches();
	}

	private static String shortcut(String value) {
		if (!isShortcut(value)) {
			throw ErrorCode.INVALID_SHORTCUT.exception();
		}
		return value;
	}

	private static String title(String value) {
		String trimmed = value.strip();
		if (trimmed.isEmpty() || trimmed.length() > MAX_TITLE) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return trimmed;
	}

	private static String body(String value) {
		if (value.isBlank() || value.length() > MAX_BODY) {
			throw ErrorCode.INVALID_REQUEST_SCHEMA.exception();
		}
		return value;
	}

	private static Visibility visibility(String value) {
		return Visibility.parse(value).orElseThrow(ErrorCode.INVALID_REQUEST_SCHEMA::exception);
	}

}
