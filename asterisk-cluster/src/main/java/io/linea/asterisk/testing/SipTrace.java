package io.linea.asterisk.testing;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One SIP message sipp sent or received, as written to its {@code -trace_msg} file. */
public record SipTrace(Direction direction, Instant timestamp, String firstLine, Map<String, List<String>> headers,
        String body) {

    public enum Direction {
        SENT, RECEIVED
    }

    public SipTrace {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        headers = Collections.unmodifiableMap(copy);
    }

    /** The first value of a header, matched without regard to case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public boolean isResponse() {
        return firstLine.startsWith("SIP/2.0 ");
    }

    /** The status code of a response, 0 for a request. */
    public int status() {
        if (!isResponse()) {
            return 0;
        }
        String[] parts = firstLine.split(" ", 3);
        return parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    }

    /** The method of a request, or of the request a response answers (from CSeq). */
    public String method() {
        if (!isResponse()) {
            return firstLine.split(" ", 2)[0];
        }
        return header("CSeq").map(cseq -> cseq.trim().split("\\s+")).filter(parts -> parts.length > 1)
                .map(parts -> parts[1]).orElse("");
    }

    @Override
    public String toString() {
        return direction + " " + timestamp + " " + firstLine;
    }
}
