package io.linea.asterisk.testing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a sipp run ended: sipp's exit code (0 when every call succeeded, -1 when it was stopped at
 * the await timeout), every SIP message in order, and what sipp printed.
 */
public record SippResult(int exitCode, List<SipTrace> messages, String output) {

    public SippResult {
        messages = List.copyOf(messages);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public List<SipTrace> sent() {
        return messages.stream().filter(m -> m.direction() == SipTrace.Direction.SENT).toList();
    }

    public List<SipTrace> received() {
        return messages.stream().filter(m -> m.direction() == SipTrace.Direction.RECEIVED).toList();
    }

    /** The first received message whose first line starts with {@code prefix} ("INVITE", "SIP/2.0 180"). */
    public Optional<SipTrace> firstReceived(String prefix) {
        return received().stream().filter(m -> m.firstLine().startsWith(prefix)).findFirst();
    }

    /** The first sent message whose first line starts with {@code prefix}. */
    public Optional<SipTrace> firstSent(String prefix) {
        return sent().stream().filter(m -> m.firstLine().startsWith(prefix)).findFirst();
    }

    /** The status codes of every response received, in order. */
    public List<Integer> receivedStatuses() {
        return received().stream().filter(SipTrace::isResponse).map(SipTrace::status).toList();
    }

    /** A readable summary for assertion messages: exit code, message first lines, sipp's output tail. */
    public String describe() {
        String lines = messages.stream().map(m -> "  " + (m.direction() == SipTrace.Direction.SENT ? "-> " : "<- ")
                + m.firstLine()).collect(Collectors.joining("\n"));
        String[] out = output.split("\n");
        int from = Math.max(0, out.length - 30);
        return "sipp exit " + exitCode + "\n" + lines + "\n  sipp output (tail):\n"
                + String.join("\n", java.util.Arrays.asList(out).subList(from, out.length));
    }

    @Override
    public String toString() {
        return describe();
    }
}
