/**
 * The routing engine (ACD-01 … ACD-12): one in-memory, medium-agnostic engine that matches waiting
 * interactions to agents with capacity, by queue strategy, skills, priority and sticky agent.
 */
package io.linea.cc.routing;
