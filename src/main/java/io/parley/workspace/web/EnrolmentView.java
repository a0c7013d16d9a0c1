package io.parley.workspace.web;

/**
 * A started two-factor enrolment: the seed in base32 and the {@code otpauth://} URI for a
 * QR code.
 */
record EnrolmentView(String secret, String uri) {
}
