package io.parley.contact;

import java.util.List;

/**
 * One page of a workspace's contacts, most recently seen first.
 *
 * @param nextCursor where the next page starts, or {@code null} on the last page
 */
public record ContactPage(List<Contact> items, String nextCursor) {
}
