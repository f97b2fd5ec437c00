package io.linea.cc.form;

import java.util.UUID;

/** A category (disposition) of the tenant (AGT-05); an inactive one stays on past interactions but is not offered. */
public record CategoryView(UUID id, String name, UUID parentId, boolean active, int position, long version) {
}
