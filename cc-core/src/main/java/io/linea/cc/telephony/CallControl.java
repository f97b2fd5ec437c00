package io.linea.cc.telephony;

import java.util.Map;

/**
 * What the call logic asks of one Asterisk node. {@link AriNode} implements it over ARI; unit
 * tests of the call logic use a recording fake. Every method may throw {@link SwitchException}.
 */
interface CallControl {

    String node();

    void answer(String channelId);

    void hangup(String channelId, HangupReason reason);

    void play(String channelId, String playbackId, String mediaUri);

    void startMusicOnHold(String channelId);

    void stopMusicOnHold(String channelId);

    /** Creates a channel that enters the Stasis application with {@code appArgs} once answered. */
    void originate(String channelId, String endpoint, String callerId, int timeoutSeconds, String appArgs,
            Map<String, String> variables);

    void bridge(String bridgeId, String... channelIds);

    void destroyBridge(String bridgeId);

    /** Whether an agent's PJSIP endpoint has a registered, reachable contact. */
    boolean endpointReachable(String endpointId);

    boolean channelExists(String channelId);

    void setVariable(String channelId, String name, String value);

    /**
     * Records the channel's audio as {@code name}.wav on the node (IVR-09); {@code terminateOn} a DTMF
     * key that ends it ("#"), or "none".
     */
    void record(String channelId, String name, int maxSeconds, int maxSilenceSeconds, boolean beep,
            String terminateOn);

    /** The audio of a finished recording on the node. */
    byte[] storedRecording(String name);

    void deleteStoredRecording(String name);

    /** Stops a playback (ARI plays a channel's playbacks one after another: a new one would wait). */
    void stopPlayback(String playbackId);
}
