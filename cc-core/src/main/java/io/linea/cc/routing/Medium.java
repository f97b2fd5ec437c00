package io.linea.cc.routing;

/** What an interaction is carried on; every medium is routed by the same engine (ACD-12). */
public enum Medium {
    VOICE, CHAT, EMAIL, SMS, SOCIAL
}
