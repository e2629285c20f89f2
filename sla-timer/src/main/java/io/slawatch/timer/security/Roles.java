package io.slawatch.timer.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an API resource, any one of them sufficing. A resource without it needs
 * {@code read}: nothing under the API is open by omission.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Roles {
  String[] value();
}
