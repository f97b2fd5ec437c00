package io.linea.cc.telephony;

import java.time.Instant;
import java.util.List;

/** What an Asterisk node reports, reduced to what the call logic needs. {@code at} is Asterisk's timestamp. */
sealed interface SwitchEvent {

    String node();

    Instant at();

    /** A channel entered the Stasis application (an inbound call, or an originated channel answered). */
    record ChannelEntered(String node, Instant at, String channelId, List<String> args, String callerNumber)
            implements SwitchEvent {
    }

    /** A channel is gone; {@code cause} is the Q.850 hang-up cause (16 normal, 17 busy, 19 no answer, 21 rejected). */
    record ChannelGone(String node, Instant at, String channelId, int cause, String causeText)
            implements SwitchEvent {
    }

    /** A hang-up of a channel was requested (the caller's BYE); ChannelGone follows with the cause. */
    record ChannelHangingUp(String node, Instant at, String channelId) implements SwitchEvent {
    }

    /** A playback ended; {@code failed} when Asterisk could not play it at all (media missing or unreachable). */
    record PlaybackDone(String node, Instant at, String playbackId, boolean failed) implements SwitchEvent {
    }

    /** A key was pressed on the channel (as the endpoint's {@code dtmf_mode} carries it): 0-9, *, #, A-D. */
    record DtmfReceived(String node, Instant at, String channelId, char digit) implements SwitchEvent {
    }

    /**
     * A recording started with {@link CallControl#record} ended and, unless {@code failed}, is stored on
     * the node under {@code name}; {@code durationMs} is Asterisk's whole seconds as milliseconds, 0
     * when it reports none.
     */
    /** A party of a call put the other on hold (a re-INVITE with sendonly) or took it off hold. */
    record HoldChanged(String node, Instant at, String channelId, boolean held) implements SwitchEvent {
    }

    record RecordingDone(String node, Instant at, String name, boolean failed, long durationMs)
            implements SwitchEvent {
    }

    /** The node's event stream is (again) connected; {@code control} acts on it. */
    record NodeConnected(String node, Instant at, CallControl control, boolean restarted) implements SwitchEvent {
    }

    record NodeLost(String node, Instant at) implements SwitchEvent {
    }

    /** A request the call logic made to the node failed (it runs off the engine thread, see CallEngine). */
    record CommandFailed(String node, Instant at, java.util.UUID interactionId, String channelId, Command command,
            String error) implements SwitchEvent {

        enum Command {
            ORIGINATE, BRIDGE
        }
    }

    /**
     * The look-ups for an inbound call, made off the engine thread (number, tenant, carrier, prompts):
     * {@code resolution} is what they found, or why they failed.
     */
    record CallResolved(String node, Instant at, ChannelEntered call, CallEngine.Resolution resolution)
            implements SwitchEvent {
    }

    /** The agent to ring next for an interaction, chosen off the engine thread (see CallEngine#ringNext). */
    record AgentChosen(String node, Instant at, java.util.UUID interactionId, CallEngine.Choice choice)
            implements SwitchEvent {
    }

    /** A timer the call logic set for one interaction fired (the pause between two rounds of ringing). */
    record TimerFired(String node, Instant at, java.util.UUID interactionId) implements SwitchEvent {
    }

    /** The router decided something about a queued call (offer, withdrawal, overflow). */
    record RoutingDecision(String node, Instant at, io.linea.cc.routing.RoutingEvent decision)
            implements SwitchEvent {
    }

    /** How the agent of an offer is reached, found off the engine thread; {@code dial} null when not at all. */
    record OfferReady(String node, Instant at, java.util.UUID interactionId, java.util.UUID personId,
            io.linea.cc.provisioning.AgentTarget agent, String dial) implements SwitchEvent {
    }

    /** Time for a queued caller's periodic announcement (ACD-09). */
    record AnnounceDue(String node, Instant at, java.util.UUID interactionId) implements SwitchEvent {
    }

    /**
     * A prompt for one call was synthesised off the engine thread ({@code mediaUri} null when it could not
     * be); it is played only if the call is still at {@code stage}, then {@code then} runs.
     */
    record PromptReady(String node, Instant at, java.util.UUID interactionId, Call.Stage stage, String mediaUri,
            Runnable then) implements SwitchEvent {
    }

    /** The queue a call overflows to, looked up off the engine thread; empty when it is gone. */
    record QueueReady(String node, Instant at, java.util.UUID interactionId,
            java.util.Optional<VoiceQueues.QueueSetup> queue) implements SwitchEvent {
    }

    /** The calls the router held before a restart, checked against the node off the engine thread. */
    record CallsRecovered(String node, Instant at, CallControl control, java.util.List<CallEngine.Recovered> calls)
            implements SwitchEvent {
    }

    /** A scheduled callback is due, with what calling it back needs (looked up off the engine thread). */
    record CallbackDue(String node, Instant at, io.linea.cc.callback.CallbackManagement.DueCallback callback,
            io.linea.cc.provisioning.CallerNumber from, VoiceQueues.QueueSetup queue, TenantProfile profile)
            implements SwitchEvent {
    }

    /** An offer to an agent who cannot be reached is declined now, a pause after it was found out. */
    record DeclineDue(String node, Instant at, java.util.UUID interactionId, java.util.UUID personId)
            implements SwitchEvent {
    }

    /** A caller's preferred callback time, checked off the engine thread against the queue's calendar. */
    record CallbackTimeChecked(String node, Instant at, java.util.UUID interactionId, java.time.ZonedDateTime time,
            boolean open) implements SwitchEvent {
    }

    /** A voicemail's audio was fetched from the node and stored (or could not be). */
    record VoicemailStored(String node, Instant at, java.util.UUID interactionId, boolean stored)
            implements SwitchEvent {
    }
}
