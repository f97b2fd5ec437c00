package io.linea.gateway.problem;

import org.springframework.http.HttpStatus;

/** An error the gateway answers itself; the exception handler turns it into a problem response. */
public class GatewayProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public GatewayProblem(HttpStatus status, String code) {
        super(code, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static GatewayProblem upstreamUnavailable() {
        return new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, "gateway.upstream-unavailable");
    }

    public static GatewayProblem tooLarge() {
        return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
