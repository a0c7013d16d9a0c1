package io.parley.contact;

import java.util.Optional;

/**
 * A partial change of a contact's details, as a {@code PATCH} states it: a {@code null}
 * component leaves the detail as it is, an empty one clears it.
 *
 * @param attributes custom attributes, a serialized JSON object replacing the old one;
 * {@code null} keeps them
 */
public record ContactEdit(Optional<String> name, Optional<String> email, Optional<String> phone, String attributes) {
}
