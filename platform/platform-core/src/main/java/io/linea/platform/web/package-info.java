/** Servlet-side plumbing every service shares: tenant header, permission checks, body limits, problem output. */
package io.linea.platform.web;
