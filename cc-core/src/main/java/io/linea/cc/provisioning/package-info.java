/**
 * Carriers, the number inventory, tenant numbers and agent endpoints (TEL-02, TEL-04, TEN-02).
 * The platform admin manages carriers and numbers and assigns numbers to tenants; a tenant admin
 * routes its numbers and creates its agents' endpoints. The telephony module reads all of it
 * through {@link io.linea.cc.provisioning.TelephonyDirectory}.
 */
package io.linea.cc.provisioning;
