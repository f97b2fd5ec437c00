/** In-memory token-bucket rate limits: per client address on login, per tenant on the API. */
package io.linea.gateway.ratelimit;
