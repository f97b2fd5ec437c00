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

    /** Music on hold in a bridge: a party put on hold by the other hears it (AGT-02). */
    void startBridgeMusicOnHold(String bridgeId);

    void stopBridgeMusicOnHold(String bridgeId);

    /** Creates a channel that enters the Stasis application with {@code appArgs} once answered. */
    void originate(String channelId, String endpoint, String callerId, int timeoutSeconds, String appArgs,
            Map<String, String> variables);

    void bridge(String bridgeId, String... channelIds);

    void destroyBridge(String bridgeId);

    /** Adds a channel to an existing bridge; Asterisk takes it out of the bridge it was in (AGT-03). */
    void addToBridge(String bridgeId, String channelId);

    /** Whether an agent's PJSIP endpoint has a registered, reachable contact. */
    boolean endpointReachable(String endpointId);

    boolean channelExists(String channelId);

    void setVariable(String channelId, String name, String value);

    /**
     * Records what the channel hears from the caller into a WAV file stored on the node under
     * {@code name} (an existing one is overwritten); {@link SwitchEvent.RecordingDone} reports its end.
     * Ends after {@code maxSeconds} (0: no limit), after {@code maxSilenceSeconds} of silence (0: never),
     * on the key {@code terminateOn} ({@code none}, {@code any}, {@code *} or {@code #}; null is none), or
     * when the caller hangs up (the message is kept). {@code name} must match {@code [A-Za-z0-9_-]{1,128}},
     * else IllegalArgumentException.
     */
    void record(String channelId, String name, int maxSeconds, int maxSilenceSeconds, boolean beep,
            String terminateOn);

    /** The audio of a finished recording on the node. */
    byte[] storedRecording(String name);

    void deleteStoredRecording(String name);

    /**
     * Subscribes the application to a channel's events again: after cc-core restarted, Asterisk does not
     * send the new connection the events of channels that entered the application before.
     */
    void subscribe(String channelId);

    /** Stops a playback (ARI plays a channel's playbacks one after another: a new one would wait). */
    void stopPlayback(String playbackId);
}
