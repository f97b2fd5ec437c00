/** B8a: the cost of PostgreSQL row-level security compared with an explicit tenant predicate (TEN-01). */
package io.linea.bench.rls;
