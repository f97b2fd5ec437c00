/** The caller as seen by every service: token claims, memberships, roles and permissions (ADM-01, TEN-03). */
package io.linea.platform.security;
