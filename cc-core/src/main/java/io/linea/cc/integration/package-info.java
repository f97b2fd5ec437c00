/** The integration API (CRM-05): per-tenant API credentials, client upsert and import, and the interaction export. */
package io.linea.cc.integration;
