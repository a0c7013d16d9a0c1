package io.parley.workspace;

import java.util.List;

/**
 * One page of a workspace's members, oldest membership first.
 *
 * @param nextCursor where the next page starts, or {@code null} on the last page
 */
public record MemberPage(List<Member> items, String nextCursor) {
}
