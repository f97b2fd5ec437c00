/** Tenant security policies and the password rules derived from them (SEC-01, SEC-02). */
package io.linea.identity.policy;
