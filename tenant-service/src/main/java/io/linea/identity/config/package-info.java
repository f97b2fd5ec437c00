/**
 * The security filter chains of tenant-service: wires the login module's handlers into the page chain.
 * Depends on other modules; no module depends on it.
 */
package io.linea.identity.config;
