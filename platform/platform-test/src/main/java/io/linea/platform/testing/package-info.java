/** Test support: a real embedded PostgreSQL prepared like production, and token minting. */
package io.linea.platform.testing;
