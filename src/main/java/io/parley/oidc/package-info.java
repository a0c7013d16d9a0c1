/**
 * Signing in through Google or another OpenID Connect provider (decisions 57, 58): the
 * authorization-code flow with PKCE through Spring Security's OAuth2 client, on a filter
 * chain of its own that keeps an HTTP session only for the round trip to the provider. A
 * provider's account is found by a stored link or by an email the provider has verified,
 * never created; the callback hands the browser a one-time code in a cookie, which it
 * exchanges for a session's tokens ({@link io.parley.workspace.Sessions}). Nothing here
 * is active unless a provider is configured ({@link ConditionalOnOidc}).
 */
@NullMarked
package io.parley.oidc;

import org.jspecify.annotations.NullMarked;
