package io.linea.cc.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;

import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.ProblemMessages;
import io.linea.platform.tenancy.TenantContext;

/**
 * Bulk import and upsert of client cards (CRM-05): a file (CSV or Excel) with a column mapping becomes a
 * job that a bounded pool of workers runs in batches, each batch in its own transaction; the integration
 * API's upsert of up to 1,000 cards goes through the same engine ({@link ClientUpserts}). The file is
 * checked completely before a job exists (format by content, encoding, ZIP bombs, size, row count,
 * mapping against the header), so a refused file leaves nothing behind. Rows are matched by external id:
 * importing the same file twice changes nothing the second time.
 */
@Service
public class ClientImports {

    /** Where a request comes from: the web UI (a person) or the integration API (a credential). */
    public enum Source {
        UI, API
    }

    private static final Logger log = LoggerFactory.getLogger(ClientImports.class);
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[;,|]");
    private static final Pattern MULTI_SEPARATORS = Pattern.compile("[;|]");
    private static final int MAX_UPSERT = 1000;
    /** A job whose owner has not renewed its heartbeat for this long is taken over. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    /** …and, when no instance has its file, marked FAILED after this much more. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    private final ClientImportSettings settings;
    private final CrmConfiguration configuration;
    private final ClientImportMappings mappings;
    private final ClientUpserts upserts;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final ProblemMessages messages;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService cleaner;
    /** This instance, as the owner of the jobs it runs. */
    private final UUID instance = UUID.randomUUID();

    ClientImports(ClientImportSettings settings, CrmConfiguration configuration, ClientImportMappings mappings,
            ClientUpserts upserts, JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactions,
            ProblemMessages messages) throws IOException {
        this.settings = settings;
        this.configuration = configuration;
        this.mappings = mappings;
        this.upserts = upserts;
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = new TransactionTemplate(transactions);
        this.messages = messages;
        Files.createDirectories(settings.spoolDir());
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queueCapacity()),
                Thread.ofPlatform().daemon().name("client-import-", 0).factory());
        this.cleaner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("client-import-cleanup").factory());
        this.cleaner.scheduleWithFixedDelay(this::deleteExpiredReportsSafely, 1, 60, TimeUnit.MINUTES);
        this.cleaner.scheduleWithFixedDelay(this::resumeInterruptedSafely, 30, 30, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
        cleaner.shutdownNow();
    }

    /** What the worker needs, all of it explicit: the tenant is never taken from the thread that queued it. */
    private record Job(UUID id, UUID tenantId, Path file, ClientImportFiles.Format format, Charset charset,
            ClientImportMapping mapping, Map<String, Integer> targets, int width, long done) {
    }

    /**
     * Checks the file completely and queues it: 202 with the job. The content is copied to the spool
     * directory first; a refusal deletes it and stores nothing.
     */
    public ClientImportView start(String fileName, InputStream content, String mappingJson, UUID mappingId,
            Source source, UUID requestedBy) {
        UUID tenantId = TenantContext.requireTenant();
        List<ClientFieldView> fields = configuration.fields();
        ClientImportMapping mapping;
        if (mappingJson != null && !mappingJson.isBlank()) {
            mapping = ClientImportMapping.parse(mappingJson, fields);
        } else if (mappingId != null) {
            mapping = mappings.get(mappingId).mapping().check(fields);
        } else {
            throw LineaProblemException.badRequest("client-import.mapping-required");
        }
        String name = fileName == null || fileName.isBlank() ? "import" : Path.of(fileName).getFileName().toString();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        UUID id = UUID.randomUUID();
        Path file = settings.spoolDir().resolve(id.toString());
        try {
            copyLimited(content, file);
            Charset charset = ClientImportFiles.charset(mapping.encoding());
            ClientImportFiles.Format format = ClientImportFiles.detect(file, name, settings, charset);
            Inspection inspection = inspect(file, format, charset, mapping);
            Job job = new Job(id, tenantId, file, format, charset, mapping, inspection.targets, inspection.width, 0);
            String storedName = name;
            transactions.executeWithoutResult(s -> jdbc.sql("""
                    insert into cc.client_import (id, tenant_id, status, source, file_name, format, mapping, total,
                      requested_by, created_at, report_expires_at, owner, heartbeat_at)
                    values (:id, :tenant, 'QUEUED', :source, :name, :format, :mapping::jsonb, :total, :by, :now, :expires,
                      :owner, :now)
                    """).param("id", id).param("owner", instance).param("tenant", tenantId).param("source", source.name())
                    .param("name", storedName).param("format", format.name()).param("mapping", mapping.json())
                    .param("total", inspection.rows).param("by", requestedBy).param("now", time(Instant.now()))
                    .param("expires", time(Instant.now().plus(settings.reportKeptFor()))).update());
            try {
                workers.execute(() -> run(job));
            } catch (RejectedExecutionException e) {
                transactions.executeWithoutResult(s -> jdbc.sql("delete from cc.client_import where id = :id")
                        .param("id", id).update());
                throw new LineaProblemException(HttpStatus.SERVICE_UNAVAILABLE, "client-import.busy");
            }
            log.info("Client import {} queued: {} ({}, {} rows, source {})", id, storedName, format, inspection.rows,
                    source);
            return job(id);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private void copyLimited(InputStream content, Path file) throws IOException {
        long max = settings.maxFileSize().toBytes();
        try (InputStream in = content; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long copied = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                copied += n;
                if (copied > max) {
                    throw ClientImportFiles.refused("client-import.too-large", settings.maxFileSize().toMegabytes());
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static final class Inspection {
        Map<String, Integer> targets;
        int width = -1;
        long rows;
    }

    /** One pass over the file before anything is stored: structure, header and mapping, number of rows. */
    private Inspection inspect(Path file, ClientImportFiles.Format format, Charset charset, ClientImportMapping mapping)
            throws IOException {
        Inspection inspection = new Inspection();
        if (!mapping.header()) {
            inspection.targets = ClientImportFiles.resolve(mapping, null);
        }
        ClientImportFiles.forEachRow(file, format, mapping, charset, settings.maxColumns(), (line, values) -> {
            if (inspection.targets == null) {
                inspection.targets = ClientImportFiles.resolve(mapping, values);
                inspection.width = values.size();
                return;
            }
            inspection.rows++;
            if (inspection.rows > settings.maxRows()) {
                throw ClientImportFiles.refused("client-import.too-many-rows", settings.maxRows());
            }
        });
        if (inspection.rows == 0) {
            throw ClientImportFiles.refused("client-import.empty");
        }
        return inspection;
    }

    /**
     * Renews this instance's claim on its queued and running jobs, and takes over the jobs of an instance that
     * stopped renewing (a restart, a crash): a job whose file is in this instance's spool directory goes on
     * after the rows already counted as processed (they committed together with their cards); a job whose
     * file is not here is marked FAILED ({@code client-import.interrupted}) once its owner has been silent for
     * {@link #ABANDONED_AFTER} more, as it cannot be finished anywhere.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterrupted() {
        record Left(UUID id, UUID tenantId, String format, String mapping, long processed, boolean abandoned) {
        }
        Instant now = Instant.now();
        List<Left> left = TenantContext.callAsPlatform(() -> transactions.execute(s -> {
            jdbc.sql("""
                    update cc.client_import set heartbeat_at = :now
                    where owner = :me and status in ('QUEUED', 'RUNNING')""")
                    .param("now", time(now)).param("me", instance).update();
            return jdbc.sql("""
                    select id, tenant_id, format, mapping::text as mapping, processed,
                           coalesce(heartbeat_at, created_at) < :abandoned as abandoned
                    from cc.client_import
                    where status in ('QUEUED', 'RUNNING') and coalesce(heartbeat_at, created_at) < :stale
                    order by created_at""")
                    .param("stale", time(now.minus(STALE_AFTER))).param("abandoned",
                            time(now.minus(STALE_AFTER).minus(ABANDONED_AFTER)))
                    .query((rs, i) -> new Left(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                            rs.getString("format"), rs.getString("mapping"), rs.getLong("processed"),
                            rs.getBoolean("abandoned"))).list();
        }));
        for (Left job : left) {
            Path file = settings.spoolDir().resolve(job.id().toString());
            if (!Files.isRegularFile(file) && !job.abandoned()) {
                continue;
            }
            TenantContext.runAs(job.tenantId(), () -> {
                // one instance takes the job over: the first to move its heartbeat
                boolean claimed = transactions.execute(s -> jdbc.sql("""
                        update cc.client_import set owner = :me, heartbeat_at = :now
                        where id = :id and status in ('QUEUED', 'RUNNING')
                          and coalesce(heartbeat_at, created_at) < :stale""").param("me", instance)
                        .param("now", time(Instant.now())).param("id", job.id())
                        .param("stale", time(now.minus(STALE_AFTER))).update()) == 1;
                if (!claimed) {
                    return;
                }
                try {
                    if (!Files.isRegularFile(file)) {
                        fail(job.id(), "client-import.interrupted");
                        log.warn("Client import {} cannot be finished: its owner stopped and its file is not in {}",
                                job.id(), settings.spoolDir());
                        return;
                    }
                    ClientImportMapping mapping = ClientImportMapping.parse(job.mapping(), configuration.fields());
                    Charset charset = ClientImportFiles.charset(mapping.encoding());
                    ClientImportFiles.Format format = ClientImportFiles.Format.valueOf(job.format());
                    Inspection inspection = inspect(file, format, charset, mapping);
                    workers.execute(() -> run(new Job(job.id(), job.tenantId(), file, format, charset, mapping,
                            inspection.targets, inspection.width, job.processed())));
                    log.info("Client import {} taken over after {} processed rows", job.id(), job.processed());
                } catch (RejectedExecutionException e) {
                    // every worker busy and the queue full: the claim lapses, a later round tries again
                    transactions.executeWithoutResult(s -> jdbc.sql(
                            "update cc.client_import set heartbeat_at = null where id = :id").param("id", job.id())
                            .update());
                } catch (IOException | RuntimeException e) {
                    log.error("Client import {} could not be resumed", job.id(), e);
                    fail(job.id(), e instanceof LineaProblemException problem ? problem.code()
                            : "client-import.interrupted");
                    deleteQuietly(file);
                }
            });
        }
    }

    private void resumeInterruptedSafely() {
        try {
            resumeInterrupted();
        } catch (RuntimeException e) {
            log.warn("Client import heartbeat failed", e);
        }
    }

    private void fail(UUID id, String code) {
        transactions.executeWithoutResult(s -> jdbc.sql("""
                update cc.client_import set status = 'FAILED', failure_code = :code, finished_at = :now
                where id = :id""").param("code", code).param("now", time(Instant.now())).param("id", id).update());
    }

    private void run(Job job) {
        TenantContext.runAs(job.tenantId(), () -> {
            try {
                transactions.executeWithoutResult(s -> jdbc.sql("""
                        update cc.client_import set status = 'RUNNING', started_at = coalesce(started_at, :now)
                        where id = :id""").param("now", time(Instant.now())).param("id", job.id()).update());
                List<ClientFieldView> fields = configuration.fields();
                Map<String, ClientFieldView> byKey = new HashMap<>();
                fields.forEach(f -> byKey.put(f.key(), f));
                List<ClientUpserts.Item> batch = new ArrayList<>(settings.batchSize());
                Map<Long, List<String>> raw = new HashMap<>();
                boolean[] headerSeen = { !job.mapping().header() };
                long[] rows = { 0 };
                ClientImportFiles.forEachRow(job.file(), job.format(), job.mapping(), job.charset(),
                        settings.maxColumns(), (line, values) -> {
                            if (!headerSeen[0]) {
                                headerSeen[0] = true;
                                return;
                            }
                            if (++rows[0] <= job.done()) {
                                // stored before a restart, with the counters that say so
                                return;
                            }
                            batch.add(item(line, values, job, byKey));
                            raw.put(line, values);
                            if (batch.size() >= settings.batchSize()) {
                                flush(job, fields, batch, raw);
                            }
                        });
                if (!batch.isEmpty()) {
                    flush(job, fields, batch, raw);
                }
                transactions.executeWithoutResult(s -> jdbc.sql("""
                        update cc.client_import set status = 'DONE', finished_at = :now where id = :id
                        """).param("now", time(Instant.now())).param("id", job.id()).update());
                log.info("Client import {} done", job.id());
            } catch (RuntimeException | IOException | Error e) {
                log.error("Client import {} failed", job.id(), e);
                String code = e instanceof LineaProblemException problem ? problem.code() : "client-import.failed";
                try {
                    fail(job.id(), code);
                } catch (RuntimeException again) {
                    log.error("Client import {} could not be marked failed", job.id(), again);
                }
            } finally {
                deleteQuietly(job.file());
            }
        });
    }

    /** One batch in one transaction: the cards, the rejected rows and the job's counters commit together. */
    private void flush(Job job, List<ClientFieldView> fields, List<ClientUpserts.Item> batch, Map<Long, List<String>> raw) {
        // a person saved one of these cards meanwhile, or another batch created one: read them again and apply
        // the batch once more
        List<ClientUpserts.Outcome> outcomes = ClientUpserts.retried(
                () -> transactions.execute(s -> write(job, fields, batch, raw)));
        log.debug("Client import {}: batch of {} rows", job.id(), outcomes.size());
        batch.clear();
        raw.clear();
    }

    private List<ClientUpserts.Outcome> write(Job job, List<ClientFieldView> fields, List<ClientUpserts.Item> batch,
            Map<Long, List<String>> raw) {
        List<ClientUpserts.Outcome> outcomes = upserts.apply(batch, fields);
        EnumMap<ClientUpserts.Result, Long> counts = new EnumMap<>(ClientUpserts.Result.class);
        List<Object[]> rejections = new ArrayList<>();
        CSVFormat format = ClientImportFiles.csvFormat(
                job.format() == ClientImportFiles.Format.CSV ? job.mapping().delimiterChar() : ',');
        for (ClientUpserts.Outcome outcome : outcomes) {
            counts.merge(outcome.result(), 1L, Long::sum);
            if (outcome.result() == ClientUpserts.Result.REJECTED) {
                rejections.add(new Object[] { UUID.randomUUID(), job.tenantId(), job.id(), outcome.line(),
                        outcome.code(), importField(outcome.field()),
                        ClientUpserts.JSON.writeValueAsString(outcome.args().stream().map(String::valueOf).toList()),
                        format.format(raw.getOrDefault(outcome.line(), List.of()).toArray()) });
            }
        }
        if (!rejections.isEmpty()) {
            template.batchUpdate("""
                    insert into cc.client_import_rejection (id, tenant_id, import_id, line, code, field, args, raw)
                    values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", rejections);
        }
        jdbc.sql("""
                update cc.client_import set processed = processed + :processed, created = created + :created,
                  updated = updated + :updated, unchanged = unchanged + :unchanged, rejected = rejected + :rejected
                where id = :id""").param("processed", outcomes.size())
                .param("created", counts.getOrDefault(ClientUpserts.Result.CREATED, 0L))
                .param("updated", counts.getOrDefault(ClientUpserts.Result.UPDATED, 0L))
                .param("unchanged", counts.getOrDefault(ClientUpserts.Result.UNCHANGED, 0L))
                .param("rejected", counts.getOrDefault(ClientUpserts.Result.REJECTED, 0L))
                .param("id", job.id()).update();
        return outcomes;
    }

    /** The card API's field paths in the words of a mapping ({@code phones[1].number} is {@code phone2}). */
    private static String importField(String field) {
        if (field == null) {
            return null;
        }
        return switch (field) {
            case "phones[0].number" -> "phone";
            case "phones[1].number" -> "phone2";
            case "emails[0].address" -> "email";
            default -> field;
        };
    }

    /** A row as a patch of the card it names, or refused when it cannot be one. */
    private static ClientUpserts.Item item(long line, List<String> values, Job job, Map<String, ClientFieldView> fields) {
        Integer externalColumn = job.targets().get(ClientImportMapping.EXTERNAL_ID);
        String externalId = value(values, externalColumn);
        int width = job.width();
        if (width >= 0 && values.size() > width && values.subList(width, values.size()).stream()
                .anyMatch(v -> !v.isBlank())) {
            return new ClientUpserts.Refused(line, externalId, "client-import.row-columns", null,
                    List.of(values.size(), width));
        }
        if (externalId == null) {
            return new ClientUpserts.Refused(line, null, "client-import.external-id-missing", "externalId", List.of());
        }
        Set<String> covered = new HashSet<>();
        Map<String, String> scalars = new HashMap<>();
        List<ClientView.Phone> phones = new ArrayList<>();
        List<ClientView.Email> emails = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        Map<String, Object> custom = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> target : job.targets().entrySet()) {
            String value = value(values, target.getValue());
            switch (target.getKey()) {
                case "firstName", "lastName", "organisation", "language" -> {
                    covered.add(target.getKey());
                    scalars.put(target.getKey(), value);
                }
                case "phone", "phone2" -> covered.add("phones");
                case "email" -> {
                    covered.add("emails");
                    if (value != null) {
                        emails.add(new ClientView.Email(value, null));
                    }
                }
                case "tags" -> {
                    covered.add("tags");
                    if (value != null) {
                        Arrays.stream(TAG_SEPARATORS.split(value)).map(String::strip).filter(t -> !t.isEmpty())
                                .forEach(tags::add);
                    }
                }
                case ClientImportMapping.EXTERNAL_ID -> {
                }
                default -> {
                    String key = target.getKey().substring(ClientImportMapping.CUSTOM.length());
                    try {
                        custom.put(key, value == null ? null : typed(fields.get(key), value));
                    } catch (IllegalArgumentException e) {
                        return new ClientUpserts.Refused(line, externalId, "client.custom-type", "custom." + key,
                                List.of(fields.get(key).type().name()));
                    }
                }
            }
        }
        for (String phone : List.of("phone", "phone2")) {
            String value = value(values, job.targets().get(phone));
            if (value != null) {
                phones.add(new ClientView.Phone(value, null));
            }
        }
        return new ClientUpserts.Patch(line, externalId, covered, scalars.get("firstName"), scalars.get("lastName"),
                scalars.get("organisation"), scalars.get("language"), phones, emails, tags, custom);
    }

    private static String value(List<String> values, Integer column) {
        if (column == null || column >= values.size()) {
            return null;
        }
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A cell's text as the value its field type takes; the card's own checks do the rest (CRM-02). */
    private static Object typed(ClientFieldView field, String text) {
        return switch (field.type()) {
            case NUMBER -> {
                try {
                    yield new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "y" -> Boolean.TRUE;
                case "false", "no", "0", "n" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(text);
            };
            case MULTI_SELECT -> Arrays.stream(MULTI_SEPARATORS.split(text)).map(String::strip)
                    .filter(t -> !t.isEmpty()).toList();
            default -> text;
        };
    }

    /** The integration API's upsert of up to 1,000 cards in one transaction (CRM-05). */
    public List<ClientUpsertResult> upsert(List<ClientUpsertItem> items, Locale locale) {
        if (items == null || items.isEmpty() || items.size() > MAX_UPSERT) {
            throw LineaProblemException.badRequest("client-upsert.size", MAX_UPSERT);
        }
        List<ClientUpserts.Item> patches = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ClientUpsertItem item = items.get(i);
            String externalId = item == null || item.externalId() == null || item.externalId().isBlank() ? null
                    : item.externalId().strip();
            if (externalId == null) {
                patches.add(new ClientUpserts.Refused(i, null, "client-import.external-id-missing", "externalId",
                        List.of()));
                continue;
            }
            Set<String> covered = new HashSet<>();
            if (item.firstName() != null) {
                covered.add("firstName");
            }
            if (item.lastName() != null) {
                covered.add("lastName");
            }
            if (item.organisation() != null) {
                covered.add("organisation");
            }
            if (item.language() != null) {
                covered.add("language");
            }
            if (item.phones() != null) {
                covered.add("phones");
            }
            if (item.emails() != null) {
                covered.add("emails");
            }
            if (item.tags() != null) {
                covered.add("tags");
            }
            patches.add(new ClientUpserts.Patch(i, externalId, covered, item.firstName(), item.lastName(),
                    item.organisation(), item.language(), item.phones(), item.emails(), item.tags(),
                    item.custom() == null ? Map.of() : item.custom()));
        }
        List<ClientFieldView> fields = configuration.fields();
        List<ClientUpserts.Outcome> outcomes = ClientUpserts.retried(
                () -> transactions.execute(s -> upserts.apply(patches, fields)));
        return outcomes.stream().map(o -> new ClientUpsertResult((int) o.line(), o.externalId(), o.result().name(),
                o.id(), o.code(), o.field(), o.code() == null ? null : messages.message(o.code(),
                        o.args().toArray(), locale))).toList();
    }

    public ClientImportView job(UUID id) {
        return transactions.execute(s -> jdbc.sql("select * from cc.client_import where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.requireTenant()).param("id", id).query(ClientImports::view).optional()
                .orElseThrow(() -> LineaProblemException.notFound("client-import")));
    }

    public Paged<ClientImportView> jobs(int page, int size) {
        UUID tenant = TenantContext.requireTenant();
        return transactions.execute(s -> {
            long total = jdbc.sql("select count(*) from cc.client_import where tenant_id = :tenant")
                    .param("tenant", tenant).query(Long.class).single();
            List<ClientImportView> items = jdbc.sql("""
                    select * from cc.client_import where tenant_id = :tenant order by created_at desc, id
                    limit :limit offset :offset""").param("tenant", tenant).param("limit", size)
                    .param("offset", (long) page * size).query(ClientImports::view).list();
            return new Paged<>(items, page, size, total);
        });
    }

    /**
     * The rejected rows as CSV ({@code line,code,field,message,row}), the message in the requester's
     * language and {@code row} the original values; 410 once the report has expired (SEC-04).
     */
    public String rejectedReport(UUID id, Locale locale) {
        ClientImportView job = job(id);
        if (job.reportExpiresAt().isBefore(Instant.now())) {
            throw new LineaProblemException(HttpStatus.GONE, "client-import.report-expired");
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord("line", "code", "field", "message", "row");
            transactions.executeWithoutResult(s -> jdbc.sql("""
                    select line, code, field, args::text as args, raw from cc.client_import_rejection
                    where tenant_id = :tenant and import_id = :id order by line""")
                    .param("tenant", TenantContext.requireTenant()).param("id", id).query((ResultSet rs) -> {
                        Object[] args = ClientUpserts.JSON.readValue(rs.getString("args"), String[].class);
                        try {
                            printer.printRecord(rs.getLong("line"), rs.getString("code"), rs.getString("field"),
                                    messages.message(rs.getString("code"), args, locale), rs.getString("raw"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Deletes the rejected rows of every tenant's reports past their expiry (SEC-04: 7 days by default). */
    public int deleteExpiredReports() {
        return TenantContext.callAsPlatform(() -> transactions.execute(s -> jdbc.sql("""
                delete from cc.client_import_rejection r using cc.client_import i
                where r.tenant_id = i.tenant_id and r.import_id = i.id and i.report_expires_at < now()""").update()));
    }

    private void deleteExpiredReportsSafely() {
        try {
            int deleted = deleteExpiredReports();
            if (deleted > 0) {
                log.info("Deleted {} rejected import rows past their expiry", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Expired import reports not deleted", e);
        }
    }

    private static ClientImportView view(ResultSet rs, int row) throws SQLException {
        long total = rs.getLong("total");
        boolean unknown = rs.wasNull();
        return new ClientImportView(rs.getObject("id", UUID.class),
                ClientImportView.Status.valueOf(rs.getString("status")), rs.getString("source"),
                rs.getString("file_name"), rs.getString("format"), unknown ? null : total, rs.getLong("processed"),
                rs.getLong("created"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("rejected"),
                rs.getString("failure_code"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"), instant(rs, "report_expires_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Import file {} not deleted", file, e);
        }
    }
}
