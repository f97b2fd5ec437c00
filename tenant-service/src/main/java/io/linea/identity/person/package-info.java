/** People (one identity each), their passwords and their memberships in tenants (TEN-03). */
package io.linea.identity.person;
