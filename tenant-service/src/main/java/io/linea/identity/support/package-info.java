/**
 * Plumbing shared by the identity modules: settings ({@code linea.identity.*}), scoped transactions, JDBC
 * conversions, networks, request data, redirect rules and the supported languages. Depends on no other module.
 */
package io.linea.identity.support;
