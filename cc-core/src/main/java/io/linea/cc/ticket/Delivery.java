package io.linea.cc.ticket;

/** The outcome of sending a ticket somewhere over HTTP, after all attempts. */
record Delivery(boolean ok, int attempts, String lastError, String reference) {
}
