/**
 * Canned responses: texts the staff insert into replies by typing {@code /} and a
 * shortcut, shared with the workspace or private to one member (decision 81), with
 * placeholders filled for the conversation at hand (decision 82). Pages and the REST API
 * use {@link io.parley.canned.CannedResponses}.
 */
package io.parley.canned;
