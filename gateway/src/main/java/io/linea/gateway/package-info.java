/** Linea gateway: routing, JWT and tenant checks, rate limits, security headers and the single-page app. */
package io.linea.gateway;
