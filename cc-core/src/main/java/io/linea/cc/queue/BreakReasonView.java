package io.linea.cc.queue;

import java.util.UUID;

/** A break reason; {@code maxMinutes} null means no limit. */
public record BreakReasonView(UUID id, String name, boolean paid, Integer maxMinutes, boolean enabled, long version) {
}
