package io.linea.cc.queue;

import java.util.UUID;

public record SkillView(UUID id, String name, String description, long version) {
}
