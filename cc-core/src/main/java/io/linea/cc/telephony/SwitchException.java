package io.linea.cc.telephony;

/** An Asterisk operation failed (the node answered with an error or could not be reached). */
class SwitchException extends RuntimeException {

    SwitchException(String message, Throwable cause) {
        super(message, cause);
    }
}
