/**
 * Workspaces and the people in them: the tenants, their members and agent profiles,
 * built-in and custom roles and the permissions they grant, invitations, seed 003's
 * sign-up, log-in into a workspace and the access tokens that act in one. Other modules
 * learn the caller as a {@link io.parley.workspace.Caller} and check it with
 * {@link io.parley.workspace.Caller#require(Permission)}; members are looked up through
 * {@link io.parley.workspace.MemberDirectory}. A change of a member's role or activation
 * is announced as {@link io.parley.workspace.MembershipChanged}; the realtime module
 * reports closed sockets to {@link io.parley.workspace.MemberPresence}. Built on the
 * identity module's accounts and passwords; answers identity's
 * {@link io.parley.identity.BearerTokens} with the caller a token speaks for.
 */
package io.parley.workspace;
