package io.linea.cc.routing;

import java.util.UUID;

/** A skill an interaction needs, at least at {@code minLevel} (1 … 5); the list order is the order of importance (ACD-03). */
public record SkillRequirement(UUID skillId, int minLevel) {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 5;

    public SkillRequirement {
        if (skillId == null || minLevel < MIN_LEVEL || minLevel > MAX_LEVEL) {
            throw new IllegalArgumentException("skill level must be " + MIN_LEVEL + " … " + MAX_LEVEL);
        }
    }
}
