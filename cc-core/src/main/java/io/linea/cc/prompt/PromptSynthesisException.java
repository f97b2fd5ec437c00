package io.linea.cc.prompt;

import org.springframework.http.HttpStatus;

import io.linea.platform.problem.LineaProblemException;

/**
 * Speech synthesis failed (missing tool, non-zero exit, timeout). Already logged once where it happened;
 * HTTP callers get a 503 problem without details. Carries no stack trace because one instance is handed to
 * every caller that waited for the same prompt, and the process output in the message is what matters.
 */
public class PromptSynthesisException extends LineaProblemException {

    private final String detail;

    PromptSynthesisException(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "internal.error");
        this.detail = detail;
    }

    @Override
    public String getMessage() {
        return detail;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
