/** Start-up data: the platform administrator and the demo tenants (docs/architecture.md "Demo data"). */
package io.linea.identity.seed;
