package io.linea.cc.provisioning;

/**
 * How many interactions of each medium an agent takes at once (ACD-05, ACD-11): a call or none, up to 20
 * chats or social conversations, up to 50 e-mails or SMS threads; {@code blended} lets calls and other
 * media mix (a chat offered while on a call), otherwise one excludes the other.
 */
public record AgentCapacity(int voice, int chat, int email, int sms, int social, boolean blended) {

    /** One call, three chats, five e-mails, five SMS threads, three social conversations, not blended. */
    public static final AgentCapacity DEFAULT = new AgentCapacity(1, 3, 5, 5, 3, false);

    public static final int MAX_VOICE = 1;
    public static final int MAX_CHAT = 20;
    public static final int MAX_EMAIL = 50;
    public static final int MAX_SMS = 50;
    public static final int MAX_SOCIAL = 20;

    public AgentCapacity {
        if (voice < 0 || voice > MAX_VOICE || chat < 0 || chat > MAX_CHAT || email < 0 || email > MAX_EMAIL
                || sms < 0 || sms > MAX_SMS || social < 0 || social > MAX_SOCIAL) {
            throw new IllegalArgumentException("capacity out of range");
        }
    }
}
