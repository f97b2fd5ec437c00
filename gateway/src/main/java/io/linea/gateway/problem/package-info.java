/** RFC 9457 problem responses for the gateway's own errors, localised from Accept-Language. */
package io.linea.gateway.problem;
