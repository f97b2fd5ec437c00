package io.linea.cc.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The engine's state of one person: what they chose, the queues they are logged in to, what they are
 * offered and handle. Presence is per person, never per tenant (ACD-05), so one seat serves all their
 * agents.
 */
final class AgentSeat {

    private AgentPerson person;
    /** {@link AgentPerson#capacity} by medium ordinal: read on every routing decision, so no map look-up. */
    private final int[] capacity = new int[Medium.values().length];

    /** {@link Presence#AVAILABLE}, {@link Presence#BREAK} or {@link Presence#LOGGED_OUT}: shown once the person is idle. */
    Presence chosen = Presence.LOGGED_OUT;
    String reason;
    UUID chosenBy;

    /** The presence last reported, so that only changes are reported. */
    Presence visible = Presence.LOGGED_OUT;

    /** In login order, which is the order round robin walks. */
    final Map<UUID, Membership> memberships = new LinkedHashMap<>();
    final Set<Interaction> offers = new LinkedHashSet<>();
    final Set<Interaction> handling = new LinkedHashSet<>();

    /** Offered plus handled interactions per medium: pending offers take capacity too. */
    private final int[] load = new int[Medium.values().length];
    private int totalLoad;
    private int handlingVoice;

    Instant wrapUpUntil;
    Instant idleSince = Instant.EPOCH;
    LocalDate talkDay;
    long talkMillis;

    AgentSeat(AgentPerson person) {
        person(person);
    }

    AgentPerson person() {
        return person;
    }

    void person(AgentPerson changed) {
        person = changed;
        for (Medium medium : Medium.values()) {
            capacity[medium.ordinal()] = changed.capacity().getOrDefault(medium, 0);
        }
    }

    UUID id() {
        return person.personId();
    }

    boolean hasMedium(Medium medium) {
        return capacity[medium.ordinal()] > 0;
    }

    /** Whether the person may be offered one more interaction of this medium right now. */
    boolean canTake(Medium medium) {
        if (chosen != Presence.AVAILABLE || wrapUpUntil != null) {
            return false;
        }
        int used = load[medium.ordinal()];
        if (used >= capacity[medium.ordinal()]) {
            return false;
        }
        if (person.blended()) {
            return true;
        }
        int voice = load[Medium.VOICE.ordinal()];
        return medium == Medium.VOICE ? totalLoad == voice : voice == 0;
    }

    /** Free for offers at all: only then is it worth looking for work for this person. */
    boolean open() {
        return chosen == Presence.AVAILABLE && wrapUpUntil == null;
    }

    /** Neither handling an interaction nor in wrap-up: a chosen break or log-out shows only then. */
    boolean idle() {
        return handling.isEmpty() && wrapUpUntil == null;
    }

    int totalLoad() {
        return totalLoad;
    }

    void take(Medium medium) {
        load[medium.ordinal()]++;
        totalLoad++;
    }

    void release(Medium medium) {
        load[medium.ordinal()]--;
        totalLoad--;
    }

    void startHandling(Interaction interaction) {
        handling.add(interaction);
        if (interaction.task.medium() == Medium.VOICE) {
            handlingVoice++;
        }
    }

    void stopHandling(Interaction interaction) {
        if (handling.remove(interaction) && interaction.task.medium() == Medium.VOICE) {
            handlingVoice--;
        }
    }

    /**
     * What others see: an interaction in hand outranks wrap-up (a chat agent finishing one of three chats
     * is still chatting), wrap-up outranks the chosen state (a break asked for during a call starts after
     * its wrap-up), and a pending offer shows as ringing only to an otherwise free person.
     */
    Presence derive() {
        if (!handling.isEmpty()) {
            return handlingVoice > 0 ? Presence.ON_CALL : Presence.CHATTING;
        }
        if (wrapUpUntil != null) {
            return Presence.WRAP_UP;
        }
        if (chosen != Presence.AVAILABLE) {
            return chosen;
        }
        return offers.isEmpty() ? Presence.AVAILABLE : Presence.RINGING;
    }

    long talkMillis(LocalDate day) {
        return day.equals(talkDay) ? talkMillis : 0;
    }
}
