/**
 * Who is calling and what they may do: user accounts, sign-up and log-in, workspaces and
 * their members, built-in and custom roles and the permissions they grant, access tokens.
 * Other modules learn the caller as a {@link io.parley.workspace.Caller} and check it
 * with {@link io.parley.workspace.Caller#require(Permission)}; members are looked up
 * through {@link io.parley.workspace.MemberDirectory}. A change of a member's role or
 * activation is announced as {@link io.parley.workspace.MembershipChanged}; the realtime
 * module reports closed sockets to {@link io.parley.workspace.MemberPresence}.
 */
package io.parley.identity;

import io.parley.workspace.Caller;
import io.parley.workspace.MemberDirectory;
import io.parley.workspace.MemberPresence;
import io.parley.workspace.MembershipChanged;
import io.parley.workspace.Permission;
