package io.careledger.api.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable, stored type name of an event. The store records this name (with Axon's {@code @Revision}),
 * never the Java class name, so classes can be renamed or moved without orphaning history.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {
    String value();
}
