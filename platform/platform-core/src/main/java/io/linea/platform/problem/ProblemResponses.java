package io.linea.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with Linea's extension members ({@code code}, {@code errors}). */
public final class ProblemResponses {

    private final ProblemMessages messages;

    public ProblemResponses(ProblemMessages messages) {
        this.messages = messages;
    }

    public ProblemDetail problem(HttpStatus status, String code, Object[] args, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, messages.message(code, args, locale));
        problem.setType(URI.create("urn:linea:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    public ProblemDetail problem(HttpStatus status, String code, Object[] args, List<LineaProblemException.FieldProblem> fields,
            Locale locale) {
        ProblemDetail problem = problem(status, code, args, locale);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields.stream()
                    .map(f -> Map.of("field", f.field(), "code", f.code(), "message",
                            messages.message(f.code(), f.args(), locale)))
                    .toList());
        }
        return problem;
    }

    public ProblemMessages messages() {
        return messages;
    }
}
