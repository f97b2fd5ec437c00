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

    public static final List<String> ALL = List.of(USERS_VIEW, USERS_MANAGE, POLICY_MANAGE, AUDIT_VIEW, SETTINGS_VIEW,
            SETTINGS_MANAGE, QUEUES_VIEW, QUEUES_MANAGE, CALENDARS_VIEW, CALENDARS_MANAGE, REPORTS_VIEW,
            RECORDINGS_LISTEN, RECORDINGS_DOWNLOAD, CALLBACKS_HANDLE, AGENTS_MONITOR, WALLBOARD_VIEW, TELEPHONY_VIEW,
            TELEPHONY_MANAGE, INTERACTIONS_VIEW, CALLS_PLACE);

    /** What a tenant admin may grant one user beyond the user's roles. */
    public static final List<String> GRANTABLE = List.of(RECORDINGS_LISTEN, RECORDINGS_DOWNLOAD, CALLBACKS_HANDLE,
            REPORTS_VIEW, AUDIT_VIEW, AGENTS_MONITOR, WALLBOARD_VIEW, USERS_VIEW, INTERACTIONS_VIEW, CALLS_PLACE);

    private Permissions() {
    }
}
