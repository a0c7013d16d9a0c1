/**
 * Who is calling and what they may do: user accounts, sign-up and log-in, workspaces and
 * their members, built-in and custom roles and the permissions they grant, access tokens.
 * Other modules learn the caller as a {@link io.parley.identity.Caller} and check it with
 * {@link io.parley.identity.Caller#require(Permission)}; members are looked up through
 * {@link io.parley.identity.MemberDirectory}. A change of a member's role or activation
 * is announced as {@link io.parley.identity.MembershipChanged}; the realtime module
 * reports closed sockets to {@link io.parley.identity.MemberPresence}.
 */
package io.parley.identity;
