package io.linea.platform.tenancy;

/** Thrown when tenant data is touched without a tenant (or explicit platform) scope. */
public class NoTenantException extends IllegalStateException {

    public NoTenantException() {
        super("No tenant in scope: a request, job or query that touches tenant data must name its tenant");
    }
}
