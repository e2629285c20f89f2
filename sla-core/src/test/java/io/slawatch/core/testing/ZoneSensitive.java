package io.slawatch.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Tests that must give the same answers whatever the JVM's default zone: the build runs them a
 * second time with {@code -Duser.timezone=Asia/Kolkata}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("zone-sensitive")
@net.jqwik.api.Tag("zone-sensitive")
public @interface ZoneSensitive {}
