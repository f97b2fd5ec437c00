package io.linea.cc.routing;

import io.linea.cc.routing.RoutingEvent.OfferWithdrawn;
import io.linea.cc.routing.RoutingEvent.Offered;
import io.linea.cc.routing.RoutingEvent.Overflowed;

/**
 * What the owner of one medium (telephony for voice, channels for chat) does with the router's
 * decisions. Called on the router's thread: implementations hand the work to their own thread and
 * return at once.
 */
public interface RoutingHandler {

    /** Ring the agent (or show them the chat); answer with {@link Router#accepted} or {@link Router#declined}. */
    void offered(Offered offer);

    void withdrawn(OfferWithdrawn withdrawal);

    /** The interaction left its queue without an agent: run the queue's overflow action for the reason. */
    void overflowed(Overflowed overflow);
}
