package io.linea.platform.security;

import java.util.List;

/** Permission names carried in the token's memberships and checked by {@link RequiresPermission}. */
public final class Permissions {

    public static final String USERS_VIEW = "users.view";
    public static final String USERS_MANAGE = "users.manage";
    public static final String POLICY_MANAGE = "policy.manage";
    public static final String AUDIT_VIEW = "audit.view";
    public static final String SETTINGS_VIEW = "settings.view";
    public static final String SETTINGS_MANAGE = "settings.manage";
    public static final String QUEUES_VIEW = "queues.view";
    public static final String QUEUES_MANAGE = "queues.manage";
    public static final String CALENDARS_VIEW = "calendars.view";
    public static final String CALENDARS_MANAGE = "calendars.manage";
    public static final String REPORTS_VIEW = "reports.view";
    public static final String RECORDINGS_LISTEN = "recordings.listen";
    public static final String RECORDINGS_DOWNLOAD = "recordings.download";
    public static final String CALLBACKS_HANDLE = "callbacks.handle";
    public static final String AGENTS_MONITOR = "agents.monitor";
    public static final String WALLBOARD_VIEW = "wallboard.view";
    /** See the tenant's numbers and agent endpoints (TEL-02, TEN-02). */
    public static final String TELEPHONY_VIEW = "telephony.view";
    /** Route the tenant's numbers, create agent endpoints and their credentials (TEL-02, TEL-04). */
    public static final String TELEPHONY_MANAGE = "telephony.manage";
    /** Read the tenant's interactions and their events. */
    public static final String INTERACTIONS_VIEW = "interactions.view";
    /** Place outbound calls with one of the tenant's numbers as caller ID (TEL-05). */
    public static final String CALLS_PLACE = "calls.place";
    /** Find clients, open their cards with history, identify callers (CRM-01, CRM-03, AGT-04). */
    public static final String CLIENTS_VIEW = "clients.view";
    /** Create and edit clients, their notes, tags and intake forms (CRM-01, CRM-02, AGT-05). */
    public static final String CLIENTS_MANAGE = "clients.manage";
    /** Define the client card's custom fields, intake forms, categories and the CRM link (CRM-02, CRM-04, AGT-12). */
    public static final String CRM_CONFIGURE = "crm.configure";
    /** Work on help-desk tickets: create, comment, assign, change status (HD-01). */
    public static final String TICKETS_HANDLE = "tickets.handle";
    /** Configure ticket SLAs, escalation rules and the records-system hand-off (HD-02). */
    public static final String TICKETS_MANAGE = "tickets.manage";
    /** Read the knowledge base, internal articles included (HD-03). */
    public static final String KB_VIEW = "kb.view";
    /** Write, publish and import knowledge-base articles (HD-03). */
    public static final String KB_MANAGE = "kb.manage";
    /** Manage the tenant's integration API credentials, imports and exports (CRM-05). */
    public static final String INTEGRATIONS_MANAGE = "integrations.manage";

    public static final List<String> ALL = List.of(USERS_VIEW, USERS_MANAGE, POLICY_MANAGE, AUDIT_VIEW, SETTINGS_VIEW,
            SETTINGS_MANAGE, QUEUES_VIEW, QUEUES_MANAGE, CALENDARS_VIEW, CALENDARS_MANAGE, REPORTS_VIEW,
            RECORDINGS_LISTEN, RECORDINGS_DOWNLOAD, CALLBACKS_HANDLE, AGENTS_MONITOR, WALLBOARD_VIEW, TELEPHONY_VIEW,
            TELEPHONY_MANAGE, INTERACTIONS_VIEW, CALLS_PLACE, CLIENTS_VIEW, CLIENTS_MANAGE, CRM_CONFIGURE, TICKETS_HANDLE,
            TICKETS_MANAGE, KB_VIEW, KB_MANAGE, INTEGRATIONS_MANAGE);

    /** What a tenant admin may grant one user beyond the user's roles. */
    public static final List<String> GRANTABLE = List.of(RECORDINGS_LISTEN, RECORDINGS_DOWNLOAD, CALLBACKS_HANDLE,
            REPORTS_VIEW, AUDIT_VIEW, AGENTS_MONITOR, WALLBOARD_VIEW, USERS_VIEW, INTERACTIONS_VIEW, CALLS_PLACE,
            CLIENTS_VIEW, CLIENTS_MANAGE, TICKETS_HANDLE, KB_VIEW, KB_MANAGE);

    private Permissions() {
    }
}
