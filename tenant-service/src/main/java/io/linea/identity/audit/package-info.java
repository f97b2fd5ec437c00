/** The audit log: append-only tenant and platform entries, their queries and retention (SEC-03). */
package io.linea.identity.audit;
