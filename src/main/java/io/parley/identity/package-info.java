/**
 * Who someone is: user accounts and their passwords, the keys that sign and verify access
 * tokens, and the stateless bearer-token security of every route. Other modules find
 * accounts through {@link io.parley.identity.UserDirectory}. What a token grants depends
 * on a membership, which identity does not know: the workspace module answers it through
 * {@link io.parley.identity.BearerTokens}.
 */
package io.parley.identity;
