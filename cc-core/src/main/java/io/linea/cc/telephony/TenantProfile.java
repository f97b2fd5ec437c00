package io.linea.cc.telephony;

import java.util.UUID;

/** What the call path needs to greet a tenant's callers: its name and default language. */
record TenantProfile(String displayName, String language) {

    /** Looks the profile up (in the tenant's scope). */
    interface Lookup {
        TenantProfile of(UUID tenantId);
    }
}
