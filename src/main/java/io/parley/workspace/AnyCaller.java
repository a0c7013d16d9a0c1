package io.parley.workspace;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a use case that acts for a {@link Caller} and that every caller may run, so it
 * checks no permission: it only touches what is the caller's own (their ticket, their
 * availability, their workspaces). The architecture test (decision 49) accepts a use case
 * that checks a permission or carries this, nothing else.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AnyCaller {

	/** Why any caller may. */
	String value();

}
