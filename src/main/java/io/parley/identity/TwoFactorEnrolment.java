package io.parley.identity;

/**
 * A started enrolment: what the account's authenticator app needs.
 *
 * @param secret the TOTP seed in base32, for typing in
 * @param uri the {@code otpauth://totp/...} URI, for a QR code
 */
public record TwoFactorEnrolment(String secret, String uri) {
}
