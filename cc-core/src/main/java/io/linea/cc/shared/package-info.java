/** Small API shapes and input checks all cc-core modules share (paged lists, time zones). */
package io.linea.cc.shared;
