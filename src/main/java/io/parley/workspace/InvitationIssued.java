package io.parley.workspace;

/**
 * An invitation was stored and its link is to be mailed. It names the invitation only:
 * the link's secret is made when the mail is sent, so the event publication table, where
 * this waits until the mail server takes the mail, holds no secret (decision 36).
 */
public record InvitationIssued(InvitationId invitationId, WorkspaceId workspaceId) {

}
