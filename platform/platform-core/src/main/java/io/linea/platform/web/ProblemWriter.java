package io.linea.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import io.linea.platform.problem.ProblemMessages;
import io.linea.platform.problem.ProblemResponses;

/** Writes a problem response from places outside Spring MVC (servlet filters, security entry points). */
public class ProblemWriter {

    private final ProblemResponses responses;

    public ProblemWriter(ProblemResponses responses) {
        this.responses = responses;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            Object... args) throws IOException {
        Locale locale = ProblemMessages.supported(request.getLocale());
        ProblemDetail problem = responses.problem(status, code, args, locale);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":" + json(String.valueOf(problem.getType())) + ",\"title\":"
                + json(problem.getTitle()) + ",\"status\":" + status.value() + ",\"detail\":" + json(problem.getDetail())
                + ",\"instance\":" + json(request.getRequestURI()) + ",\"code\":" + json(code) + "}");
    }

    static String json(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
