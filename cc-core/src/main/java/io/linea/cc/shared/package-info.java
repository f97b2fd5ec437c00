/**
 * Small API shapes and input checks all cc-core modules share (paged lists, time zones, the checks of uploaded
 * files, the personal-data registry of SEC-04).
 */
package io.linea.cc.shared;
