/** Client organisations (tenants): creation, suspension, reactivation and their status for the gateway (TEN-05). */
package io.linea.identity.tenant;
