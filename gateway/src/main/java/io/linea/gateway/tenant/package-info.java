/** Tenant selection: the X-Linea-Tenant header checked against the token and the tenant status, then X-Tenant-Id. */
package io.linea.gateway.tenant;
