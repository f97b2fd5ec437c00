/**
 * Linea's identity service (TEN-03..05, SEC-01..03, ADM-01, I18N-01): one identity per person, many
 * tenant memberships, the OIDC provider that puts them into tokens, and the audit log.
 */
package io.linea.identity;
