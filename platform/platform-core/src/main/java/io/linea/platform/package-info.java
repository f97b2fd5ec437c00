/** Code every Linea service shares: tenancy, problem details, the caller's identity. */
package io.linea.platform;
