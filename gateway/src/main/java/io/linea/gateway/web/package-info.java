/** HTTP edge concerns: client addresses, forwarded headers, security headers, body limits, the single-page app. */
package io.linea.gateway.web;
