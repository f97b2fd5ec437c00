package io.linea.cc.crm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import io.linea.cc.provisioning.E164;
import io.linea.cc.settings.Language;
import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * The current tenant's clients (CRM-01, CRM-04): cards, search (CRM-03) and caller identification by
 * phone number or e-mail address (AGT-04), for the API and for the telephony and chat code's screen pop.
 */
@Service
public class ClientDirectory {

    /** Accents and case do not change where a name sorts ("Čeňková" among the C's): index client_sort_name. */
    private static final String NAME = "lower(cc.crm_unaccent(coalesce(c.last_name, c.organisation, '')))";
    private static final String FIRST_NAME = "lower(cc.crm_unaccent(coalesce(c.first_name, '')))";

    /** How a list is ordered: by name (last name or organisation, then first name) or by last change. */
    public enum Order {
        NAME_ASC(NAME + " asc, " + FIRST_NAME + " asc, c.id asc", "c.sort_name asc, c.sort_first asc, c.id asc"),
        NAME_DESC(NAME + " desc, " + FIRST_NAME + " desc, c.id desc",
                "c.sort_name desc, c.sort_first desc, c.id desc"),
        UPDATED_ASC("c.updated_at asc, c.id asc", "c.updated_at asc, c.id asc"),
        UPDATED_DESC("c.updated_at desc, c.id desc", "c.updated_at desc, c.id desc");

        /** over cards */
        private final String sql;
        /** over search matches, which carry the same sort keys as stored columns (V13) */
        private final String matched;

        Order(String sql, String matched) {
            this.sql = sql;
            this.matched = matched;
        }

        /** {@code name}, {@code name,desc}, {@code updatedAt}, {@code updatedAt,desc}. */
        public static Order parse(String sort) {
            return switch (sort == null ? "name" : sort) {
                case "name", "name,asc" -> NAME_ASC;
                case "name,desc" -> NAME_DESC;
                case "updatedAt", "updatedAt,asc" -> UPDATED_ASC;
                case "updatedAt,desc" -> UPDATED_DESC;
                default -> throw LineaProblemException.badRequest("request.invalid-parameter", "sort");
            };
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ClientDirectory.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PHONE_LIKE = Pattern.compile("^[+0-9\\s\\-().]+$");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    /** At most this many words of a query are looked for. */
    private static final int MAX_QUERY_WORDS = 8;
    /** A word whose index range holds fewer entries than this drives a search of several words. */
    private static final int NARROW = 2_000;
    /** How many cards {@link #find} ranks at most. */
    private static final int FIND_CANDIDATES = 200;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Clients clients;
    private final CrmConfiguration configuration;
    private final JdbcClient jdbc;
    private final TransactionTemplate tenantRead;

    ClientDirectory(Clients clients, CrmConfiguration configuration, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.clients = clients;
        this.configuration = configuration;
        this.jdbc = jdbc;
        this.tenantRead = new TransactionTemplate(transactions);
        this.tenantRead.setReadOnly(true);
        // its own transaction, so that it runs in the named tenant even when called inside another's
        this.tenantRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Clients matching {@code q} (full text over names, organisation, e-mails, phones, external id, tags
     * and note text, accents and case ignored, every word a prefix; digits also match inside phone
     * numbers) and carrying {@code tag}; both optional (CRM-03).
     */
    @Transactional(readOnly = true)
    public Paged<ClientView> search(String q, String tag, int page, int size, Order order) {
        return search(q, tag, page, size, order, NARROW);
    }

    /** {@link #search} where a word's range narrower than {@code narrow} entries drives (tests set both ways). */
    @Transactional(readOnly = true)
    Paged<ClientView> search(String q, String tag, int page, int size, Order order, int narrow) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", TenantContext.requireTenant());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        boolean tagged = tag != null && !tag.isBlank();
        if (tagged) {
            params.put("tag", normaliseTag(tag));
        }
        String tagCondition = tagged ? " and c.tags @> array[:tag]::text[]" : "";
        if (q == null || q.isBlank()) {
            // the whole list: read in the order of an index, counted apart
            String where = " where c.tenant_id = :tenant" + tagCondition;
            long total = jdbc.sql("select count(*) from cc.client c" + where).params(params).query(Long.class)
                    .single();
            List<UUID> ids = jdbc.sql("select c.id from cc.client c" + where + " order by " + order.sql
                    + " limit :limit offset :offset").params(params).query(UUID.class).list();
            return new Paged<>(views(ids), page, size, total);
        }
        // A card matches when each word of the query starts one of its words (cc.client_word, kept by triggers
        // from the search document), or, for digits, one of its numbers' tails (cc.client_phone_digits). The
        // indexes answer that with the sort keys of the name order: the matches are counted and the page sorted
        // without reading every matching card (B: client search over a million clients).
        String matches = matches(words(q), params, narrow);
        if (matches == null) {
            return new Paged<>(List.of(), page, size, 0);
        }
        // a tag or the order of change needs the card itself
        boolean card = tagged || order == Order.UPDATED_ASC || order == Order.UPDATED_DESC;
        String from = card
                ? "(" + matches + ") m join cc.client c on c.tenant_id = :tenant and c.id = m.id" + tagCondition
                : "(" + matches + ") c";
        record Row(UUID id, long total) {
        }
        List<Row> rows = jdbc.sql("select c.id, count(*) over () as total from " + from + " order by "
                + order.matched + " limit :limit offset :offset").params(params)
                .query((row, i) -> new Row(row.getObject("id", UUID.class), row.getLong("total"))).list();
        long total = !rows.isEmpty() ? rows.get(0).total()
                : page == 0 ? 0
                : jdbc.sql("select count(*) from " + from).params(params).query(Long.class).single();
        return new Paged<>(views(rows.stream().map(Row::id).toList()), page, size, total);
    }

    /**
     * What a query looks for: its words, parsed as the documents are (accents and case ignored; the parts of a
     * hyphenated word are left out when the whole is there, "ext-0-1234" needs neither "ext" nor "0"), or, for
     * a query that looks like a phone number ("+373 69 12", "601 234"), its digits as one word.
     */
    private record QueryWords(List<String> words, boolean phone) {
    }

    private QueryWords words(String q) {
        String digits = NOT_DIGIT.matcher(q).replaceAll("");
        if (PHONE_LIKE.matcher(q.strip()).matches() && digits.length() >= 3) {
            return new QueryWords(List.of(digits), true);
        }
        return new QueryWords(jdbc.sql("""
                select distinct d.lexemes[1] from ts_debug('simple', cc.crm_unaccent(:q)) d
                where cardinality(d.lexemes) > 0 and d.alias not in ('hword_part', 'hword_numpart', 'hword_asciipart')
                """).param("q", q.strip()).query(String.class).list(), false);
    }

    /**
     * SQL for the cards having a word that starts with each of the query's words; each row is (id, sort_name,
     * sort_first). Null when there is no word to look for.
     * <p>
     * Each word is one range of the word index. The ranges are counted first, each up to {@code narrow}: when one
     * is narrower than that (the number of an external id, a rare surname), only its cards are read and the other
     * words are checked on their search documents; when every range is wide (a first name with a common surname),
     * the ranges are intersected in the index.
     */
    private String matches(QueryWords query, Map<String, Object> params, int narrow) {
        List<String> words = query.words().size() > MAX_QUERY_WORDS ? query.words().subList(0, MAX_QUERY_WORDS)
                : query.words();
        if (words.isEmpty()) {
            return null;
        }
        if (query.phone()) {
            // the digits start a word (a number in a note, a whole phone number) or one of the tails of a phone
            // number's digits (V15: digits from inside the number)
            String digits = words.getFirst();
            params.put("d", digits);
            params.put("du", rangeEnd(digits));
            return "select w.client_id as id, w.sort_name, w.sort_first from " + range(0, digits, params) + """

                    union
                    select c.id, c.sort_name, c.sort_first from cc.client_phone_digits d
                    join cc.client_phone p on p.tenant_id = d.tenant_id and p.id = d.phone_id
                    join cc.client c on c.tenant_id = p.tenant_id and c.id = p.client_id
                    where d.tenant_id = :tenant and d.tail >= (cast(:d as text) collate "C")
                      and d.tail < (cast(:du as text) collate "C")""";
        }
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            ranges.add(range(i, words.get(i), params));
        }
        if (words.size() == 1) {
            // one range alone may hold a card twice ("popa" and "popa123")
            return "select distinct w.client_id as id, w.sort_name, w.sort_first from " + ranges.getFirst();
        }
        List<String> counts = new ArrayList<>();
        for (String range : ranges) {
            counts.add("(select count(*) from (select 1 from " + range + " limit :narrow) x)");
        }
        params.put("narrow", narrow);
        List<Long> sizes = jdbc.sql("select " + String.join(", ", counts)).params(params)
                .query((row, n) -> {
                    List<Long> values = new ArrayList<>();
                    for (int i = 1; i <= ranges.size(); i++) {
                        values.add(row.getLong(i));
                    }
                    return values;
                }).single();
        int narrowest = 0;
        for (int i = 1; i < sizes.size(); i++) {
            narrowest = sizes.get(i) < sizes.get(narrowest) ? i : narrowest;
        }
        if (sizes.get(narrowest) < narrow) {
            List<String> others = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                if (i != narrowest) {
                    // a prefix of an exact lexeme, as the index holds it; tsquery quoting: \ and ''
                    others.add("'" + words.get(i).replace("\\", "\\\\").replace("'", "''") + "':*");
                }
            }
            params.put("others", String.join(" & ", others));
            return "select distinct w.client_id as id, w.sort_name, w.sort_first from " + ranges.get(narrowest)
                    + " join cc.client c on c.tenant_id = w.tenant_id and c.id = w.client_id"
                    + " where c.search_vector @@ cast(:others as tsquery)";
        }
        List<String> selects = new ArrayList<>();
        for (String range : ranges) {
            selects.add("select w.client_id as id, w.sort_name, w.sort_first from " + range);
        }
        return String.join(" intersect ", selects);
    }

    /**
     * The words starting with {@code word}, as a subquery {@code w} of the word index: from {@code word} up to
     * {@code word} + U+10FFFF in "C" order. The ends are parameters: under row-level security only those, not
     * expressions, bound the index scan.
     */
    private static String range(int i, String word, Map<String, Object> params) {
        params.put("w" + i, word);
        params.put("u" + i, rangeEnd(word));
        return "(select * from cc.client_word w where w.tenant_id = :tenant and w.word >= (cast(:w" + i
                + " as text) collate \"C\") and w.word < (cast(:u" + i + " as text) collate \"C\")) w";
    }

    /** Past every text starting with {@code prefix} in "C" order: the prefix and U+10FFFF. */
    private static String rangeEnd(String prefix) {
        return new StringBuilder(prefix).appendCodePoint(Character.MAX_CODE_POINT).toString();
    }

    /** A client found by {@link #find}: the name shown, a snippet with {@code <mark>} around hits, the rank. */
    public record Hit(UUID id, String name, String snippet, double rank) {
    }

    /**
     * The current tenant's clients best matching {@code q}, at most {@code limit}, ranked, for the one search
     * across clients, tickets and articles (CRM-03): the same matching as {@link #search} (names, organisation,
     * phones, e-mails, external id, tags and note text, every word a prefix), ordered by relevance.
     */
    @Transactional(readOnly = true)
    public List<Hit> find(String q, int limit) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        QueryWords words = words(q);
        String matches = matches(words, params, NARROW);
        if (matches == null) {
            return List.of();
        }
        // The candidates are the first FIND_CANDIDATES matches by name, from the word index; only they are read
        // and ranked by PostgreSQL's ts_rank, with a highlighted snippet.
        return jdbc.sql("with m as (select * from (" + matches + ") x order by x.sort_name, x.sort_first, x.id"
                + " limit :candidates), " + """
                q as (select to_tsquery('simple', string_agg('''' || replace(replace(x, '\\', '\\\\'),
                    '''', '''''') || ''':*', ' & ')) as query from unnest(cast(:words as text[])) x)
                select c.id, concat_ws(' ', c.first_name, c.last_name,
                           case when c.first_name is null and c.last_name is null then c.organisation
                                when c.organisation is not null then '(' || c.organisation || ')' end) as name,
                       ts_rank(c.search_vector, q.query) as rank,
                       ts_headline('cc.search_simple', replace(replace(replace(c.search_text, '&', '&amp;'), '<', '&lt;'),
                           '>', '&gt;'), q.query, 'StartSel=<mark>, StopSel=</mark>, MaxWords=20, MinWords=5,
                           MaxFragments=2, FragmentDelimiter=" … "') as snippet
                from m join cc.client c on c.tenant_id = :tenant and c.id = m.id cross join q
                order by rank desc, c.updated_at desc, c.id
                limit :limit""").params(params).param("tenant", TenantContext.requireTenant())
                .param("words", words.words().toArray(String[]::new)).param("limit", limit)
                .param("candidates", Math.max(FIND_CANDIDATES, limit))
                .query((row, i) -> new Hit(row.getObject("id", UUID.class), row.getString("name"),
                        row.getString("snippet"), row.getDouble("rank")))
                .list();
    }

    @Transactional(readOnly = true)
    public ClientView get(UUID id) {
        return view(require(id));
    }

    @Transactional
    public ClientView create(ClientDraft typed) {
        Checked checked = check(typed);
        Client client = clients.saveAndFlush(new Client(checked.draft(), checked.customJson(), now()));
        refreshSearch(client.id());
        log.info("Client {} created", client.id());
        return view(client, checked.fields(), configuration.linkTemplate());
    }

    @Transactional
    public ClientView update(UUID id, long expectedVersion, ClientDraft typed) {
        Client client = require(id);
        if (client.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Client.class, id);
        }
        Checked checked = check(typed);
        client.change(checked.draft(), checked.customJson(), now());
        client = clients.saveAndFlush(client);
        refreshSearch(id);
        log.info("Client {} changed", id);
        return view(client, checked.fields(), configuration.linkTemplate());
    }

    /** Deletes the card with its phones, e-mails, notes and their versions (SEC-04 erasure of one client). */
    @Transactional
    public void delete(UUID id) {
        clients.delete(require(id));
        clients.flush();
        log.info("Client {} deleted", id);
    }

    /** Every client of the current tenant with this number (E.164 after normalisation) (AGT-04, CRM-04). */
    @Transactional(readOnly = true)
    public List<ClientView> identifyByPhone(String e164) {
        return views(sortedByName(jdbc.sql("""
                select distinct p.client_id from cc.client_phone p where p.tenant_id = :tenant and p.number = :number
                """).param("tenant", TenantContext.requireTenant()).param("number", e164).query(UUID.class).list()));
    }

    /** Every client of the current tenant with this address (lower case after normalisation) (AGT-04, CRM-04). */
    @Transactional(readOnly = true)
    public List<ClientView> identifyByEmail(String address) {
        return views(sortedByName(jdbc.sql("""
                select distinct e.client_id from cc.client_email e where e.tenant_id = :tenant and e.address = :address
                """).param("tenant", TenantContext.requireTenant()).param("address", address).query(UUID.class)
                .list()));
    }

    /**
     * The screen pop (AGT-04): every client of {@code tenantId} whose number or e-mail address is
     * {@code phoneOrEmail}, as a caller id or chat visitor presents it ("+44 20 7946 0000", "0044…",
     * digits without a plus, "Maria@Example.com"). Empty when nobody matches or the value is neither a
     * number nor an address. Runs in its own transaction in the named tenant, whatever scope the caller
     * is in (DESIGN: async work names its tenant explicitly).
     */
    public List<ClientView> identify(UUID tenantId, String phoneOrEmail) {
        if (tenantId == null) {
            throw new io.linea.platform.tenancy.NoTenantException();
        }
        if (phoneOrEmail == null || phoneOrEmail.isBlank()) {
            return List.of();
        }
        if (phoneOrEmail.contains("@")) {
            return EmailAddresses.normalise(phoneOrEmail)
                    .map(address -> TenantContext.callAs(tenantId, () -> tenantRead.execute(s -> identifyByEmail(address))))
                    .orElse(List.of());
        }
        return callerNumber(phoneOrEmail)
                .map(number -> TenantContext.callAs(tenantId, () -> tenantRead.execute(s -> identifyByPhone(number))))
                .orElse(List.of());
    }

    /** A number as signalling presents it: E.164, with 00, or its digits without the plus. */
    static java.util.Optional<String> callerNumber(String presented) {
        String compact = presented.strip();
        java.util.Optional<String> plain = E164.normalise(compact);
        if (plain.isPresent()) {
            return plain;
        }
        String digits = NOT_DIGIT.matcher(compact).replaceAll("");
        if (!PHONE_LIKE.matcher(compact).matches() || digits.isEmpty()) {
            return java.util.Optional.empty();
        }
        return E164.normalise("+" + (digits.startsWith("00") ? digits.substring(2) : digits));
    }

    /** The client, or 404 (also for another tenant's id). For the notes and history of a card. */
    @Transactional(readOnly = true)
    public void requireExists(UUID id) {
        require(id);
    }

    /**
     * Rebuilds the card's search document from the card, its phones and e-mails and its notes' text
     * (CRM-03); the tsvector column is generated from it. Called after every write of any of them.
     */
    void refreshSearch(UUID clientId) {
        refreshSearch(List.of(clientId));
    }

    /** {@link #refreshSearch(UUID)} for many cards in one statement (CRM-05 bulk writes). */
    void refreshSearch(java.util.Collection<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update cc.client c set search_text = left(concat_ws(' ', c.first_name, c.last_name, c.organisation,
                    c.external_id, array_to_string(c.tags, ' '),
                    (select string_agg(p.number || ' ' || substr(p.number, 2), ' ')
                       from cc.client_phone p where p.tenant_id = c.tenant_id and p.client_id = c.id),
                    (select string_agg(e.address || ' ' || translate(split_part(e.address, '@', 1), '._-+', '    ')
                            || ' ' || split_part(e.address, '@', 2), ' ')
                       from cc.client_email e where e.tenant_id = c.tenant_id and e.client_id = c.id),
                    (select string_agg(n.text, ' ')
                       from cc.client_note n where n.tenant_id = c.tenant_id and n.client_id = c.id)), 200000)
                where c.tenant_id = :tenant and c.id in (:ids)
                """).param("tenant", TenantContext.requireTenant()).param("ids", clientIds).update();
    }

    private Client require(UUID id) {
        return clients.findById(id).orElseThrow(() -> LineaProblemException.notFound("client"));
    }

    private List<UUID> sortedByName(List<UUID> ids) {
        if (ids.isEmpty()) {
            return ids;
        }
        return jdbc.sql("select c.id from cc.client c where c.tenant_id = :tenant and c.id in (:ids) order by "
                + Order.NAME_ASC.sql).param("tenant", TenantContext.requireTenant()).param("ids", ids)
                .query(UUID.class).list();
    }

    /** Cards in the order of {@code ids}. */
    private List<ClientView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<ClientFieldView> fields = configuration.fields();
        String template = configuration.linkTemplate();
        Map<UUID, Client> byId = new HashMap<>();
        clients.findAllById(ids).forEach(c -> byId.put(c.id(), c));
        return ids.stream().filter(byId::containsKey).map(id -> view(byId.get(id), fields, template)).toList();
    }

    private ClientView view(Client client) {
        return view(client, configuration.fields(), configuration.linkTemplate());
    }

    @SuppressWarnings("unchecked")
    private static ClientView view(Client client, List<ClientFieldView> fields, String template) {
        Map<String, Object> stored = JSON.readValue(client.custom(), LinkedHashMap.class);
        return client.view(CustomValues.visible(fields, stored), CrmLinks.link(template, client.externalId()));
    }

    record Checked(ClientDraft draft, String customJson, List<ClientFieldView> fields) {
    }

    /** Normalises and checks everything before anything is written: a refused write changes nothing. */
    private Checked check(ClientDraft typed) {
        return check(typed, configuration.fields());
    }

    /**
     * The same checks against field definitions read once, for bulk writes (CRM-05): an imported card is
     * exactly as valid as one saved through the API.
     */
    static Checked check(ClientDraft typed, List<ClientFieldView> fields) {
        String firstName = blankToNull(typed.firstName());
        String lastName = blankToNull(typed.lastName());
        String organisation = blankToNull(typed.organisation());
        if (firstName == null && lastName == null && organisation == null) {
            throw InvalidInput.field("lastName", "client.name-required");
        }
        String language = blankToNull(typed.language());
        if (language != null && Language.byCode(language).isEmpty()) {
            throw InvalidInput.field("language", "language.unsupported", language);
        }
        List<ClientView.Phone> phones = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        List<ClientView.Phone> typedPhones = typed.phones() == null ? List.of() : typed.phones();
        for (int i = 0; i < typedPhones.size(); i++) {
            String number = E164.require("phones[" + i + "].number", typedPhones.get(i).number());
            if (!numbers.add(number)) {
                throw InvalidInput.field("phones[" + i + "].number", "client.phone-duplicate", number);
            }
            phones.add(new ClientView.Phone(number, blankToNull(typedPhones.get(i).label())));
        }
        List<ClientView.Email> emails = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        List<ClientView.Email> typedEmails = typed.emails() == null ? List.of() : typed.emails();
        for (int i = 0; i < typedEmails.size(); i++) {
            String field = "emails[" + i + "].address";
            String typedAddress = typedEmails.get(i).address();
            String address = EmailAddresses.normalise(typedAddress)
                    .orElseThrow(() -> InvalidInput.field(field, "email.invalid", String.valueOf(typedAddress)));
            if (!addresses.add(address)) {
                throw InvalidInput.field(field, "client.email-duplicate", address);
            }
            emails.add(new ClientView.Email(address, blankToNull(typedEmails.get(i).label())));
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String tag : typed.tags() == null ? List.<String>of() : typed.tags()) {
            tags.add(normaliseTag(tag));
        }
        Map<String, Object> custom = CustomValues.check(fields, typed.custom());
        ClientDraft draft = new ClientDraft(firstName, lastName, organisation, blankToNull(typed.externalId()), language,
                phones, emails, List.copyOf(tags), custom);
        return new Checked(draft, JSON.writeValueAsString(custom), fields);
    }

    /** Tags are case-insensitive: stored stripped, with single spaces, in lower case. */
    private static String normaliseTag(String tag) {
        return SPACES.matcher(tag.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** What PostgreSQL keeps of it, so that a card reads back exactly as it was answered. */
    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
