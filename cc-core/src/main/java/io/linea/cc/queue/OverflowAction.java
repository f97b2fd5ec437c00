package io.linea.cc.queue;

import java.util.UUID;

/**
 * What happens to a caller a queue cannot serve (ACD-08, ACD-13): only the target field its type
 * needs is set ({@code queueId} for QUEUE, {@code agentId} for AGENT, {@code number} for NUMBER,
 * {@code message} for ANNOUNCE_HANGUP; a message may precede any action).
 */
public record OverflowAction(Type type, UUID queueId, UUID agentId, String number, String message) {

    public enum Type {
        /** Record a voicemail: it becomes a callback task (IVR-09). */
        VOICEMAIL,
        /** Move to another queue of the tenant, keeping the caller's place in time. */
        QUEUE,
        /** Ring one agent. */
        AGENT,
        /** Dial an external or mobile number through the tenant's carrier (ACD-13). */
        NUMBER,
        /** Play the message, then hang up; the call becomes a missed call (ACD-14). */
        ANNOUNCE_HANGUP,
        /** Offer a callback; a caller who declines leaves a missed call. */
        CALLBACK_OFFER
    }

    public static OverflowAction voicemail() {
        return new OverflowAction(Type.VOICEMAIL, null, null, null, null);
    }
}
