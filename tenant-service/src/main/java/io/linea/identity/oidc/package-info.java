/** The OIDC provider: client registration, signing keys, token claims, sign-in/out auditing (TEN-03, SEC-02). */
package io.linea.identity.oidc;
