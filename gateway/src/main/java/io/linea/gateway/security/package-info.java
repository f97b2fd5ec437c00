/** JWT validation for the API; login pages and the OIDC endpoints are tenant-service's business. */
package io.linea.gateway.security;
