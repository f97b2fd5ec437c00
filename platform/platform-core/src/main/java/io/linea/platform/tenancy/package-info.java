/** Tenant scope of the current work, enforced by Hibernate's tenant filter and PostgreSQL row-level security (TEN-01). */
package io.linea.platform.tenancy;
