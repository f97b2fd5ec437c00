/** Contact-center queues: name, service-level target and the calendar that opens them (ADM-02). */
package io.linea.cc.queue;
