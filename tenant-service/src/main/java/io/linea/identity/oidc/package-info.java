/** The OIDC provider: client registration, signing keys, token claims, redirect rules (TEN-03, SEC-02). */
package io.linea.identity.oidc;
