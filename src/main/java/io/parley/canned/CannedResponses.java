package io.parley.canned;

import java.time.Clock;
import java.util.List;

import io.parley.system.ErrorCode;
import io.parley.system.Page;
import io.parley.system.Timestamps;
import io.parley.workspace.Caller;
import io.parley.workspace.Permission;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canned responses of the caller's workspace: the shared ones and the caller's own
 * private ones (decision 81), and their bodies filled for a conversation (decision 82).
 * Every use case needs {@code canned_responses.use}; a shared response is written only
 * with {@code canned_responses.manage}. Another member's private response is not found.
 */
@Service
public class CannedResponses {

	private final CannedResponseStore store;

	private final PlaceholderValues placeholders;

	private final Clock clock;

	CannedResponses(CannedResponseStore store, PlaceholderValues placeholders, Clock clock) {
		this.store = store;
		this.placeholders = placeholders;
		this.clock = clock;
	}

	/** The first page of {@link #list(Caller, String, String, int)}. */
	@Transactional(readOnly = true)
	public Page<CannedResponse> list(Caller caller, String query) {
		return list(caller, query, null, Page.DEFAULT_LIMIT);
	}

	/**
	 * The responses the caller sees, by shortcut, a page at a time.
	 * @param query a case-insensitive prefix of the shortcut or part of the title or
	 * body; blank or {@code null} for all
	 * @param cursor a page's {@code nextCursor}; empty or {@code null} for the first page
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_REQUEST_SCHEMA}
	 * for a cursor this did not hand out
	 */
	@Transactional(readOnly = true)
	public Page<CannedResponse> list(Caller caller, String query, String cursor, int limit) {
		caller.require(Permission.USE_CANNED_RESPONSES);
		CannedResponseCursor after = CannedResponseCursor.parse(cursor).orElse(null);
		String text = (query == null || query.isBlank()) ? null : query.strip();
		List<CannedResponse> found = this.store.page(caller, text, after, limit + 1);
		if (found.size() <= limit) {
			return new Page<>(List.copyOf(found), null);
		}
		List<CannedResponse> page = List.copyOf(found.subList(0, limit));
		return new Page<>(page, CannedResponseCursor.after(page.get(limit - 1)).encode());
	}

	/**
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#CANNED_RESPONSE_NOT_FOUND}
	 */
	@Transactional(readOnly = true)
	public CannedResponse get(Caller caller, String id) {
		return seen(caller, id, false);
	}

	/**
	 * @throws io.parley.system.ParleyException {@link ErrorCode#INVALID_SHORTCUT},
	 * {@link ErrorCode#INVALID_REQUEST_SCHEMA}, {@link ErrorCode#FORBIDDEN} for a shared
	 * response without {@code canned_responses.manage}, {@link ErrorCode#SHORTCUT_TAKEN}
	 */
	@Transactional
	public CannedResponse create(Caller caller, CannedResponseEdit edit) {
		caller.require(Permission.USE_CANNED_RESPONSES);
		CannedResponse response = CannedResponse.write(caller, edit, Timestamps.now(this.clock));
		requireMayKeep(caller, response);
		this.store.add(response);
		return response;
	}

	/**
	 * Changes what the edit gives, under the rules of {@link #create}; changing a shared
	 * response, or making one shared, needs {@code canned_responses.manage}.
	 * @throws io.parley.system.ParleyException as {@link #create} does, and
	 * {@link ErrorCode#CANNED_RESPONSE_NOT_FOUND}
	 */
	@Transactional
	public CannedResponse edit(Caller caller, String id, CannedResponseEdit edit) {
		CannedResponse current = seen(caller, id, true);
		requireMayKeep(caller, current);
		CannedResponse edited = current.edit(caller, edit, Timestamps.now(this.clock));
		requireMayKeep(caller, edited);
		this.store.save(edited);
		return edited;
	}

	/**
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#CANNED_RESPONSE_NOT_FOUND}, {@link ErrorCode#FORBIDDEN} for a
	 * shared response without {@code canned_responses.manage}
	 */
	@Transactional
	public CannedResponse delete(Caller caller, String id) {
		CannedResponse response = seen(caller, id, true);
		requireMayKeep(caller, response);
		this.store.remove(response);
		return response;
	}

	/**
	 * The response's body with its placeholders filled for a conversation the caller
	 * sees, as plain text (decision 82).
	 * @throws io.parley.system.ParleyException
	 * {@link ErrorCode#CANNED_RESPONSE_NOT_FOUND},
	 * {@link ErrorCode#CONVERSATION_NOT_FOUND} also for a conversation the caller may not
	 * see
	 */
	@Transactional(readOnly = true)
	public String render(Caller caller, String id, String conversationId) {
		CannedResponse response = get(caller, id);
		return Placeholders.fill(response.body(), this.placeholders.of(caller, conversationId));
	}

	/** Whether the caller may write shared responses, for pages that offer it. */
	public boolean mayManageShared(Caller caller) {
		return caller.can(Permission.USE_CANNED_RESPONSES) && caller.can(Permission.MANAGE_CANNED_RESPONSES);
	}

	/** The response, if the caller sees it; locked until the transaction ends. */
	private CannedResponse seen(Caller caller, String id, boolean lock) {
		caller.require(Permission.USE_CANNED_RESPONSES);
		return CannedResponseId.parse(id)
			.flatMap((responseId) -> lock ? this.store.lock(caller.workspaceId(), responseId)
					: this.store.find(caller.workspaceId(), responseId))
			.filter((response) -> CannedResponseAccess.sees(caller, response))
			.orElseThrow(ErrorCode.CANNED_RESPONSE_NOT_FOUND::exception);
	}

	private static void requireMayKeep(Caller caller, CannedResponse response) {
		if (!CannedResponseAccess.mayKeep(caller, response.visibility())) {
			throw ErrorCode.FORBIDDEN.exception();
		}
	}

}
