/**
 * Calls on Asterisk over ARI (TEL-01, TEL-02, TEL-04, TEL-05): connects to every node, pushes
 * carriers and agent endpoints to them, turns inbound calls into interactions of the number's
 * tenant, rings that tenant's agents, bridges, places outbound calls, and records every step as
 * an interaction event.
 */
package io.linea.cc.telephony;
