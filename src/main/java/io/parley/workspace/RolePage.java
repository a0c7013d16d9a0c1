package io.parley.workspace;

import java.util.List;

/**
 * One page of a workspace's roles: the built-in ones come first, in a fixed order, then
 * the workspace's own, oldest first.
 *
 * @param nextCursor where the next page starts, or {@code null} on the last page
 */
public record RolePage(List<Role> builtIn, List<CustomRole> custom, String nextCursor) {
}
