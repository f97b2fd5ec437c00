/** Test support for the Asterisk node (TEL-01): start a real node, drive sipp against it, count RTP. */
package io.linea.asterisk.testing;
