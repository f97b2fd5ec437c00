package io.linea.identity.policy;

/** When a tenant requires a second factor: never, for tenant admins and supervisors, or for everyone. */
public enum MfaMode {
    OFF, ADMINS, ALL
}
