/**
 * Who is calling: user accounts, sign-up and log-in, access tokens, roles and the
 * permissions they grant. Other modules learn the caller as a
 * {@link io.parley.identity.Caller} and check it with
 * {@link io.parley.identity.Caller#require(Permission)}; users are looked up through
 * {@link io.parley.identity.UserDirectory}.
 */
package io.parley.identity;
