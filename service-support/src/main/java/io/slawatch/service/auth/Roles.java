package io.slawatch.service.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an API resource or method, any one of them sufficing (a method's
 * annotation wins over its class's). None ({@code @Roles({})}) means the resource authenticates its
 * callers itself (helpdesk webhooks by their signatures). A resource without it needs the service's
 * default role ({@link ApiAuth#defaultRole()}): nothing is open by omission.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Roles {
  String[] value();
}
