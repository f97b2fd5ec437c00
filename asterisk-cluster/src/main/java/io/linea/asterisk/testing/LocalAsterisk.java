package io.linea.asterisk.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class runs against the shared local Asterisk node ({@link AsteriskExtension}): it is
 * started before the class (built on first use), {@link AsteriskNode} parameters are injected, and
 * a failed test gets the node's log. A node that cannot start fails the tests; they are never skipped.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AsteriskExtension.class)
public @interface LocalAsterisk {
}
