package io.parley.contact;

/**
 * What a member of the staff knows about a new contact; any component may be
 * {@code null}, but an email or a phone is needed.
 *
 * @param attributes custom attributes, a serialized JSON object
 */
public record ContactDetails(String name, String email, String phone, String attributes) {
}
