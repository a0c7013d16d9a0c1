package io.parley.oidc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Present only when a provider is configured: a generic issuer
 * ({@code PARLEY_OIDC_ISSUER}) or Google's client ({@code PARLEY_GOOGLE_CLIENT_ID}).
 * Without one Parley starts as if this module were not there, and its routes are 404.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@ConditionalOnExpression("'${parley.oidc.issuer:}' != '' or '${parley.oidc.google.client-id:}' != ''")
public @interface ConditionalOnOidc {

}
