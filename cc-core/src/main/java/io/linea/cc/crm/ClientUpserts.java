package io.linea.cc.crm;

import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.linea.cc.provisioning.E164;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * Creates or updates many client cards by external id in the caller's transaction (CRM-05): one read of
 * the existing cards, the same checks as the card API ({@link ClientDirectory#check(ClientDraft, List)}),
 * and JDBC batch writes of only what changed. A card whose values would not change is not written, so
 * its {@code updatedAt} and version stay as they are and a repeated import changes nothing.
 * <p>
 * A patch replaces only what it covers: the scalar fields it names, the phones, e-mails or tags as a
 * whole, and the custom values of the keys it carries (a null value removes one).
 */
@Component
class ClientUpserts {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClientUpserts.class);
    /** How many times a batch is tried when concurrent writes get in its way. */
    private static final int ATTEMPTS = 5;

    /** One row of input: a patch to apply, or a row refused before it got here. */
    sealed interface Item permits Patch, Refused {
        long line();
    }

    record Patch(long line, String externalId, Set<String> covered, String firstName, String lastName,
            String organisation, String language, List<ClientView.Phone> phones, List<ClientView.Email> emails,
            List<String> tags, Map<String, Object> custom) implements Item {
    }

    record Refused(long line, String externalId, String code, String field, List<Object> args) implements Item {
    }

    enum Result {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    record Outcome(long line, String externalId, Result result, UUID id, String code, String field, List<Object> args) {
    }

    private record Stored(UUID id, long version, ClientDraft draft, String customJson, JsonNode customTree) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    ClientUpserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Runs {@code attempt} (one transaction applying a batch) again when a concurrent write got in its way: a
     * card saved or created by someone else since it was read, or a deadlock; at most {@link #ATTEMPTS} times.
     */
    static <T> T retried(Supplier<T> attempt) {
        for (int i = 1;; i++) {
            try {
                return attempt.get();
            } catch (ConcurrencyFailureException e) {
                if (i == ATTEMPTS) {
                    throw e;
                }
                log.debug("Client upsert tried again after {}", e.getMessage());
            }
        }
    }

    /** Applies the items in order (a later row of the same external id sees the earlier one's result). */
    List<Outcome> apply(List<? extends Item> items, List<ClientFieldView> fields) {
        long started = System.nanoTime();
        UUID tenant = TenantContext.requireTenant();
        // Each statement of the batch is planned for the values it gets. A generic plan, which PostgreSQL keeps
        // for a statement prepared on a pooled connection, may have been made while the tenant had a few cards
        // and would then read all of its cards for every batch once it has a million.
        jdbc.execute("set local plan_cache_mode = force_custom_plan");
        List<String> externalIds = items.stream().filter(Patch.class::isInstance).map(i -> ((Patch) i).externalId())
                .distinct().toList();
        Map<String, Stored> original = load(tenant, externalIds);
        Map<String, Stored> current = new HashMap<>(original);
        List<Outcome> outcomes = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item instanceof Refused refused) {
                outcomes.add(new Outcome(refused.line(), refused.externalId(), Result.REJECTED, null, refused.code(),
                        refused.field(), refused.args()));
                continue;
            }
            Patch patch = (Patch) item;
            Refused tooLong = limits(patch);
            if (tooLong != null) {
                outcomes.add(new Outcome(patch.line(), patch.externalId(), Result.REJECTED, null, tooLong.code(),
                        tooLong.field(), tooLong.args()));
                continue;
            }
            Stored base = current.get(patch.externalId());
            ClientDirectory.Checked checked;
            try {
                checked = ClientDirectory.check(merge(base, patch), fields);
            } catch (LineaProblemException problem) {
                outcomes.add(rejected(patch, problem));
                continue;
            }
            Stored next = new Stored(base == null ? UUID.randomUUID() : base.id(), base == null ? 0 : base.version(),
                    checked.draft(), checked.customJson(), JSON.readTree(checked.customJson()));
            if (base != null && same(base, next)) {
                outcomes.add(new Outcome(patch.line(), patch.externalId(), Result.UNCHANGED, base.id(), null, null,
                        List.of()));
                continue;
            }
            current.put(patch.externalId(), next);
            outcomes.add(new Outcome(patch.line(), patch.externalId(), base == null ? Result.CREATED : Result.UPDATED,
                    next.id(), null, null, List.of()));
        }
        long t0 = System.nanoTime();
        write(tenant, original, current);
        if (log.isDebugEnabled()) {
            log.debug("upsert of {} rows: read and checked in {} ms, written in {} ms", items.size(),
                    (t0 - started) / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
        }
        return outcomes;
    }

    private static Outcome rejected(Patch patch, LineaProblemException problem) {
        if (!problem.fieldProblems().isEmpty()) {
            LineaProblemException.FieldProblem first = problem.fieldProblems().getFirst();
            return new Outcome(patch.line(), patch.externalId(), Result.REJECTED, null, first.code(), first.field(),
                    Arrays.asList(first.args()));
        }
        return new Outcome(patch.line(), patch.externalId(), Result.REJECTED, null, problem.code(), null,
                Arrays.asList(problem.args()));
    }

    /** The lengths the card API checks with Bean Validation at its edge, for rows that never pass it. */
    private static Refused limits(Patch patch) {
        Map<String, Object[]> checks = new LinkedHashMap<>();
        checks.put("externalId", new Object[] { patch.externalId(), 100 });
        checks.put("firstName", new Object[] { patch.firstName(), 100 });
        checks.put("lastName", new Object[] { patch.lastName(), 100 });
        checks.put("organisation", new Object[] { patch.organisation(), 200 });
        checks.put("language", new Object[] { patch.language(), 8 });
        for (Map.Entry<String, Object[]> check : checks.entrySet()) {
            String value = (String) check.getValue()[0];
            int max = (Integer) check.getValue()[1];
            if (value != null && value.strip().length() > max) {
                return new Refused(patch.line(), patch.externalId(), "client-import.too-long", check.getKey(),
                        List.of(check.getKey(), max));
            }
        }
        if (patch.phones() != null && patch.phones().size() > 10) {
            return new Refused(patch.line(), patch.externalId(), "client-import.too-many", "phones", List.of("phones", 10));
        }
        if (patch.emails() != null && patch.emails().size() > 10) {
            return new Refused(patch.line(), patch.externalId(), "client-import.too-many", "emails", List.of("emails", 10));
        }
        if (patch.tags() != null) {
            if (patch.tags().size() > 20) {
                return new Refused(patch.line(), patch.externalId(), "client-import.too-many", "tags", List.of("tags", 20));
            }
            for (String tag : patch.tags()) {
                if (tag == null || tag.isBlank() || tag.strip().length() > 40) {
                    return new Refused(patch.line(), patch.externalId(), "client-import.too-long", "tags",
                            List.of("tags", 40));
                }
            }
        }
        for (List<?> list : Arrays.asList(patch.phones(), patch.emails())) {
            for (Object entry : list == null ? List.of() : list) {
                String value = entry instanceof ClientView.Phone p ? p.number() : ((ClientView.Email) entry).address();
                String label = entry instanceof ClientView.Phone p ? p.label() : ((ClientView.Email) entry).label();
                if (value == null || value.length() > 254 || label != null && label.length() > 40) {
                    String field = entry instanceof ClientView.Phone ? "phones" : "emails";
                    return new Refused(patch.line(), patch.externalId(), "client-import.too-long", field,
                            List.of(field, 254));
                }
            }
        }
        return null;
    }

    /** The card as it would be: the stored card with what the patch covers replaced. */
    private static ClientDraft merge(Stored base, Patch patch) {
        ClientDraft old = base == null
                ? new ClientDraft(null, null, null, patch.externalId(), null, List.of(), List.of(), List.of(), Map.of())
                : base.draft();
        Set<String> covered = patch.covered();
        Map<String, Object> custom = new LinkedHashMap<>(old.custom());
        if (patch.custom() != null) {
            patch.custom().forEach((key, value) -> {
                if (value == null) {
                    custom.remove(key);
                } else {
                    custom.put(key, value);
                }
            });
        }
        return new ClientDraft(covered.contains("firstName") ? patch.firstName() : old.firstName(),
                covered.contains("lastName") ? patch.lastName() : old.lastName(),
                covered.contains("organisation") ? patch.organisation() : old.organisation(), patch.externalId(),
                covered.contains("language") ? patch.language() : old.language(),
                covered.contains("phones") ? keepPhoneLabels(old.phones(), patch.phones()) : old.phones(),
                covered.contains("emails") ? keepEmailLabels(old.emails(), patch.emails()) : old.emails(),
                covered.contains("tags") ? patch.tags() : old.tags(), custom);
    }

    /** A number the file repeats keeps the label an agent gave it ("mobile"); a file has no labels. */
    private static List<ClientView.Phone> keepPhoneLabels(List<ClientView.Phone> old, List<ClientView.Phone> typed) {
        Map<String, String> labels = new HashMap<>();
        old.forEach(p -> labels.put(p.number(), p.label()));
        return typed.stream().map(p -> p.label() != null || p.number() == null ? p
                : new ClientView.Phone(p.number(), E164.normalise(p.number()).map(labels::get).orElse(null))).toList();
    }

    private static List<ClientView.Email> keepEmailLabels(List<ClientView.Email> old, List<ClientView.Email> typed) {
        Map<String, String> labels = new HashMap<>();
        old.forEach(e -> labels.put(e.address(), e.label()));
        return typed.stream().map(e -> e.label() != null || e.address() == null ? e
                : new ClientView.Email(e.address(), EmailAddresses.normalise(e.address()).map(labels::get).orElse(null)))
                .toList();
    }

    /** Numbers compare by value (a stored 1.50 equals 1.5), so that a re-import does not rewrite a card. */
    private static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private static boolean same(Stored a, Stored b) {
        ClientDraft x = a.draft();
        ClientDraft y = b.draft();
        return Objects.equals(x.firstName(), y.firstName()) && Objects.equals(x.lastName(), y.lastName())
                && Objects.equals(x.organisation(), y.organisation()) && Objects.equals(x.externalId(), y.externalId())
                && Objects.equals(x.language(), y.language()) && x.phones().equals(y.phones())
                && x.emails().equals(y.emails()) && x.tags().equals(y.tags())
                && a.customTree().equals(NUMERIC, b.customTree());
    }

    /**
     * The cards of these external ids with their phones and e-mails: three set-based reads (cards, then all
     * their phones, then all their e-mails) rather than two correlated sub-queries per card.
     */
    private Map<String, Stored> load(UUID tenant, List<String> externalIds) {
        Map<String, Stored> stored = new HashMap<>();
        if (externalIds.isEmpty()) {
            return stored;
        }
        Map<UUID, Object[]> rows = new LinkedHashMap<>();
        jdbc.query("""
                select c.id, c.version, c.first_name, c.last_name, c.organisation, c.external_id, c.language, c.tags,
                  c.custom::text as custom
                from cc.client c where c.tenant_id = ? and c.external_id = any(?::text[])
                """, (ResultSet rs) -> {
            rows.put(rs.getObject("id", UUID.class), new Object[] { rs.getLong("version"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("organisation"), rs.getString("external_id"),
                rs.getString("language"), (String[]) rs.getArray("tags").getArray(), rs.getString("custom") });
        }, tenant, externalIds.toArray(String[]::new));
        if (rows.isEmpty()) {
            return stored;
        }
        UUID[] ids = rows.keySet().toArray(UUID[]::new);
        Map<UUID, List<ClientView.Phone>> phones = new HashMap<>();
        jdbc.query("""
                select client_id, number, label from cc.client_phone
                where tenant_id = ? and client_id = any(?::uuid[]) order by client_id, position
                """, (ResultSet rs) -> {
            phones.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new ClientView.Phone(rs.getString(2), rs.getString(3)));
        }, tenant, ids);
        Map<UUID, List<ClientView.Email>> emails = new HashMap<>();
        jdbc.query("""
                select client_id, address, label from cc.client_email
                where tenant_id = ? and client_id = any(?::uuid[]) order by client_id, position
                """, (ResultSet rs) -> {
            emails.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new ClientView.Email(rs.getString(2), rs.getString(3)));
        }, tenant, ids);
        rows.forEach((id, row) -> {
            Stored card = stored(id, row, phones.getOrDefault(id, List.of()), emails.getOrDefault(id, List.of()));
            stored.put(card.draft().externalId(), card);
        });
        return stored;
    }

    @SuppressWarnings("unchecked")
    private static Stored stored(UUID id, Object[] row, List<ClientView.Phone> phones, List<ClientView.Email> emails) {
        String customJson = (String) row[7];
        JsonNode customTree = JSON.readTree(customJson);
        Map<String, Object> custom = JSON.readValue(customJson, LinkedHashMap.class);
        ClientDraft draft = new ClientDraft((String) row[1], (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], new ArrayList<>(phones), new ArrayList<>(emails), List.of((String[]) row[6]), custom);
        return new Stored(id, (Long) row[0], draft, customJson, customTree);
    }

    /**
     * New cards go in with one multi-row INSERT per table (arrays unnested by PostgreSQL) and their search
     * document computed here, so a new card is written once; changed cards are one UPDATE from unnested
     * arrays that rebuilds each search document as {@link ClientDirectory#refreshSearch(UUID)} does (with the
     * card's new phones and e-mails, and its notes).
     */
    private void write(UUID tenant, Map<String, Stored> original, Map<String, Stored> current) {
        OffsetDateTime now = OffsetDateTime.ofInstant(ClientDirectory.now(), ZoneOffset.UTC);
        Columns inserts = new Columns(9);
        Columns updates = new Columns(8);
        List<UUID> replaced = new ArrayList<>();
        Columns phones = new Columns(5);
        Columns emails = new Columns(5);
        // Batches of one tenant run side by side (an initial load sends several at a time). Two that create one
        // external id meet at its unique key: the later one inserts nothing for it and is tried again (retried),
        // then finds the card. New cards go in in external id order, so two batches never wait in a circle.
        List<Map.Entry<String, Stored>> entries = new ArrayList<>(current.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, Stored> entry : entries) {
            Stored before = original.get(entry.getKey());
            Stored after = entry.getValue();
            if (before == after) {
                continue;
            }
            ClientDraft d = after.draft();
            if (before == null) {
                inserts.add(after.id().toString(), d.firstName(), d.lastName(), d.organisation(), d.externalId(),
                        d.language(), arrayLiteral(d.tags()), after.customJson(), searchText(d));
            } else {
                updates.add(after.id().toString(), Long.toString(before.version()), d.firstName(), d.lastName(),
                        d.organisation(), d.language(), arrayLiteral(d.tags()), after.customJson());
                replaced.add(after.id());
            }
            for (int i = 0; i < d.phones().size(); i++) {
                phones.add(UUID.randomUUID().toString(), after.id().toString(), d.phones().get(i).number(),
                        d.phones().get(i).label(), Integer.toString(i));
            }
            for (int i = 0; i < d.emails().size(); i++) {
                emails.add(UUID.randomUUID().toString(), after.id().toString(), d.emails().get(i).address(),
                        d.emails().get(i).label(), Integer.toString(i));
            }
        }
        if (inserts.size() > 0) {
            int created = jdbc.update("""
                    insert into cc.client (id, tenant_id, first_name, last_name, organisation, external_id, language,
                      tags, custom, search_text, created_at, updated_at, version)
                    select u.id::uuid, ?, u.first_name, u.last_name, u.organisation, u.external_id, u.language,
                      u.tags::text[], u.custom::jsonb, u.search_text, ?, ?, 0
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                      ?::text[]) as u(id, first_name, last_name, organisation, external_id, language, tags, custom,
                      search_text)
                    on conflict on constraint client_external_id_unique do nothing""", inserts.arguments(tenant, now, now));
            if (created != inserts.size()) {
                // another batch created one of these external ids since they were read: tried again, it is there
                throw new OptimisticLockingFailureException("A client was created during the upsert");
            }
        }
        if (!replaced.isEmpty()) {
            // the changed cards' phones and e-mails are replaced first, so that the one UPDATE below can
            // build each card's search document from them (and its notes), as ClientDirectory.refreshSearch does
            named.update("delete from cc.client_phone where tenant_id = :tenant and client_id in (:ids)",
                    Map.of("tenant", tenant, "ids", replaced));
            named.update("delete from cc.client_email where tenant_id = :tenant and client_id in (:ids)",
                    Map.of("tenant", tenant, "ids", replaced));
        }
        if (phones.size() > 0) {
            jdbc.update("""
                    insert into cc.client_phone (id, tenant_id, client_id, number, label, position)
                    select u.id::uuid, ?, u.client_id::uuid, u.number, u.label, u.position::integer
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                      as u(id, client_id, number, label, position)""", phones.arguments(tenant));
        }
        if (emails.size() > 0) {
            jdbc.update("""
                    insert into cc.client_email (id, tenant_id, client_id, address, label, position)
                    select u.id::uuid, ?, u.client_id::uuid, u.address, u.label, u.position::integer
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                      as u(id, client_id, address, label, position)""", emails.arguments(tenant));
        }
        if (updates.size() > 0) {
            int changed = jdbc.update("""
                    update cc.client c set first_name = u.first_name, last_name = u.last_name,
                      organisation = u.organisation, language = u.language, tags = u.tags::text[],
                      custom = u.custom::jsonb, updated_at = ?, version = c.version + 1,
                      search_text = left(concat_ws(' ', u.first_name, u.last_name, u.organisation, c.external_id,
                        array_to_string(u.tags::text[], ' '),
                        (select string_agg(p.number || ' ' || substr(p.number, 2), ' ')
                           from cc.client_phone p where p.tenant_id = c.tenant_id and p.client_id = c.id),
                        (select string_agg(e.address || ' ' || translate(split_part(e.address, '@', 1), '._-+', '    ')
                                || ' ' || split_part(e.address, '@', 2), ' ')
                           from cc.client_email e where e.tenant_id = c.tenant_id and e.client_id = c.id),
                        (select string_agg(n.text, ' ')
                           from cc.client_note n where n.tenant_id = c.tenant_id and n.client_id = c.id)), 200000)
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                      as u(id, version, first_name, last_name, organisation, language, tags, custom)
                    where c.tenant_id = ? and c.id = u.id::uuid and c.version = u.version::bigint""",
                    updates.between(now, tenant));
            if (changed != updates.size()) {
                // someone saved one of these cards since it was read: the whole batch is tried again
                throw new OptimisticLockingFailureException("A client changed during the upsert");
            }
        }
    }

    /** Column-wise values of a multi-row insert, each column sent as one text array. */
    private static final class Columns {

        private final List<List<String>> columns = new ArrayList<>();

        Columns(int count) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(String... values) {
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }

        int size() {
            return columns.getFirst().size();
        }

        Object[] arguments(Object... leading) {
            List<Object> arguments = new ArrayList<>(List.of(leading));
            columns.forEach(c -> arguments.add(c.toArray(String[]::new)));
            return arguments.toArray();
        }

        /** {@code first}, the columns, then {@code last}: for an UPDATE … FROM unnest(…) WHERE … = last. */
        Object[] between(Object first, Object last) {
            List<Object> arguments = new ArrayList<>(List.of(first));
            columns.forEach(c -> arguments.add(c.toArray(String[]::new)));
            arguments.add(last);
            return arguments.toArray();
        }
    }

    /** A text[] literal ({@code {"vip","north"}}) for one row's tags inside the unnested column. */
    private static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /** The search document of a new card, as {@link ClientDirectory#refreshSearch(UUID)} builds it (no notes yet). */
    static String searchText(ClientDraft d) {
        List<String> parts = new ArrayList<>();
        for (String value : new String[] { d.firstName(), d.lastName(), d.organisation(), d.externalId() }) {
            if (value != null) {
                parts.add(value);
            }
        }
        parts.add(String.join(" ", d.tags()));
        if (!d.phones().isEmpty()) {
            parts.add(String.join(" ", d.phones().stream().map(p -> p.number() + " " + p.number().substring(1)).toList()));
        }
        if (!d.emails().isEmpty()) {
            parts.add(String.join(" ", d.emails().stream().map(e -> {
                int at = e.address().indexOf('@');
                String local = e.address().substring(0, at);
                return e.address() + " " + local.replace('.', ' ').replace('_', ' ').replace('-', ' ').replace('+', ' ')
                        + " " + e.address().substring(at + 1);
            }).toList()));
        }
        String text = String.join(" ", parts);
        return text.length() > 200_000 ? text.substring(0, 200_000) : text;
    }
}
