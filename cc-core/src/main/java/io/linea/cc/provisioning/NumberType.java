package io.linea.cc.provisioning;

/** The kind of a number in the inventory. */
public enum NumberType {
    FREEPHONE, MOBILE, GEOGRAPHIC
}
