package io.linea.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a tenant-scoped handler: the request must name a tenant the caller is a member of
 * ({@code X-Tenant-Id}, set by the gateway) and the membership must hold this permission.
 * The cross-tenant attack tests enumerate handlers carrying this annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RequiresPermission {

    String value();
}
