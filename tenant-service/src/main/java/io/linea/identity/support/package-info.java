/** Plumbing shared by the identity modules: scoped transactions, JDBC conversions, networks, request data. */
package io.linea.identity.support;
