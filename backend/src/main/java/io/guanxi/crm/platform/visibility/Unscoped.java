package io.guanxi.crm.platform.visibility;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that reads or writes customer rows without {@link Visibility}: team-wide duplicate
 * checks, integrations, a write after the caller's own check. Other features may call it only when
 * named in {@link #callers()}; ArchitectureTest fails on any other caller.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Unscoped {

    /** Why this bypasses Visibility, and what the caller must have checked. */
    String value();

    /** Features (top-level packages under io.guanxi.crm, e.g. "lead") outside the declaring one that may call it. */
    String[] callers() default {};
}
