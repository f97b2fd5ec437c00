package io.linea.cc.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.linea.cc.crm.ClientDirectory;
import io.linea.cc.crm.ClientFieldView;
import io.linea.cc.crm.ClientImports;
import io.linea.cc.crm.ClientUpsertItem;
import io.linea.cc.crm.ClientUpsertResult;
import io.linea.cc.crm.ClientView;
import io.linea.cc.crm.CrmConfiguration;
import io.linea.cc.form.CategoryManagement;
import io.linea.cc.form.CategoryView;
import io.linea.cc.kb.KnowledgeBaseManagement;
import io.linea.cc.ticket.TicketDraft;
import io.linea.cc.ticket.TicketManagement;
import io.linea.cc.ticket.TicketPriority;
import io.linea.cc.ticket.TicketStatus;
import io.linea.cc.ticket.TicketView;

/**
 * Demo Energy's service-desk content (CRM-01, CRM-04, HD-01, AGT-05): custom client fields, clients (two of
 * them sharing a home number, so that caller identification finds both), dispositions, a knowledge-base
 * category and two tickets. Runs in the current tenant, from {@link DemoSeed}; like it, it only adds what is
 * missing and never changes what a demo user changed.
 * <p>
 * Not seeded: client notes, which need a person as author (no system author exists), and knowledge-base
 * articles, whose draft type is not part of the kb module's API (docs/architecture.md).
 */
@Component
class ServiceDeskSeed {

    static final String SHARED_HOME_PHONE = "+37322456789";
    static final String KB_CATEGORY = "Billing and meters";

    private static final Logger log = LoggerFactory.getLogger(ServiceDeskSeed.class);

    private static final List<ClientFieldView> FIELDS = List.of(
            field("contract_number", "Contract number", ClientFieldView.Type.TEXT, List.of()),
            field("tariff", "Tariff", ClientFieldView.Type.SELECT, List.of("Standard", "Night saver", "Business")),
            field("customer_since", "Customer since", ClientFieldView.Type.DATE, List.of()),
            field("paperless", "Paperless billing", ClientFieldView.Type.BOOLEAN, List.of()));

    /** Ion and Elena Popescu are one household: both answer to the home number (CRM-04). */
    private static final List<ClientUpsertItem> CLIENTS = List.of(
            client("DE-1001", "Ion", "Popescu", null, "ro",
                    List.of(phone("+37369112233", "mobile"), phone(SHARED_HOME_PHONE, "home")),
                    "ion.popescu@example.com", List.of("residential"),
                    custom("CE-2019-0457", "Standard", "2019-03-14", true)),
            client("DE-1002", "Elena", "Popescu", null, "ro",
                    List.of(phone(SHARED_HOME_PHONE, "home"), phone("+37368445566", "mobile")),
                    "elena.popescu@example.com", List.of("residential", "vip"),
                    custom("CE-2021-1120", "Night saver", "2021-09-01", true)),
            client("DE-1003", "Ольга", "Кузнецова", null, "ru", List.of(phone("+37360234567", "mobile")),
                    "olga.kuznetsova@example.com", List.of("residential"),
                    custom("CE-2015-0311", "Standard", "2015-06-30", false)),
            client("DE-1004", "Serghei", "Ivanov", null, "ru", List.of(phone("+37367889900", "mobile")),
                    "s.ivanov@example.com", List.of("residential", "outage-area"),
                    custom("CE-2017-0093", "Standard", "2017-02-01", null)),
            client("DE-1005", "Ana", "Munteanu", null, "ro", List.of(phone("+37369554433", "mobile")),
                    "ana.munteanu@example.com", List.of("residential", "vip"),
                    custom("CE-2012-0775", "Night saver", "2012-11-20", true)),
            client("DE-1006", null, null, "Brutăria Dulce SRL", "ro", List.of(phone("+37322334455", "office")),
                    "office@brutaria-dulce.example", List.of("business"),
                    custom("CE-B-2020-0012", "Business", "2020-01-15", true)),
            client("DE-1007", "Andrei", "Ciobanu", null, "ro", List.of(phone("+37362778899", "mobile")),
                    "andrei.ciobanu@example.com", List.of("residential"), custom(null, "Standard", null, null)),
            client("DE-1008", "Natalia", "Morozova", null, "ru",
                    List.of(phone("+37322667788", "home"), phone("+37360998877", "mobile")),
                    "natalia.morozova@example.com", List.of("residential", "outage-area"),
                    custom("CE-2023-0402", "Night saver", "2023-04-03", false)));

    private static final List<String> DISPOSITIONS = List.of("Billing question", "Outage report", "Meter reading",
            "Tariff change");

    private record DemoTicket(String clientExternalId, String subject, String description, TicketStatus status,
            TicketPriority priority, String group) {
    }

    private static final List<DemoTicket> TICKETS = List.of(
            new DemoTicket("DE-1001", "March invoice higher than usual",
                    "The customer says the March invoice (1 245 MDL) is almost twice February's although the"
                            + " household used about the same. Check the meter reading the invoice used and call"
                            + " him back.",
                    TicketStatus.OPEN, TicketPriority.NORMAL, "Billing"),
            new DemoTicket("DE-1008", "Meter reading does not match the meter",
                    "The last invoice used 48 210 kWh; the customer reads 47 930 kWh on the meter. Waiting for a"
                            + " photo of the meter from the customer.",
                    TicketStatus.PENDING, TicketPriority.LOW, "Billing"));

    private final CrmConfiguration crm;
    private final ClientDirectory clients;
    private final ClientImports imports;
    private final CategoryManagement categories;
    private final KnowledgeBaseManagement knowledge;
    private final TicketManagement tickets;

    ServiceDeskSeed(CrmConfiguration crm, ClientDirectory clients, ClientImports imports,
            CategoryManagement categories, KnowledgeBaseManagement knowledge, TicketManagement tickets) {
        this.crm = crm;
        this.clients = clients;
        this.imports = imports;
        this.categories = categories;
        this.knowledge = knowledge;
        this.tickets = tickets;
    }

    /** In the current tenant. */
    void seed() {
        fields();
        clients();
        dispositions();
        if (knowledge.categories().stream().noneMatch(c -> c.parentId() == null && c.name().equals(KB_CATEGORY))) {
            knowledge.createCategory(KB_CATEGORY, null, 0);
        }
        TICKETS.forEach(this::ticket);
    }

    private void fields() {
        Set<String> keys = crm.fields().stream().map(ClientFieldView::key).collect(Collectors.toSet());
        FIELDS.stream().filter(f -> !keys.contains(f.key())).forEach(crm::createField);
    }

    /**
     * Through the integration upsert, the one way into the CRM module by external id (CRM-05), with only the
     * cards whose external id is not there: an upsert would put back what a demo user changed on the others.
     */
    private void clients() {
        List<ClientUpsertItem> missing = CLIENTS.stream().filter(c -> clientId(c.externalId()).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        for (ClientUpsertResult result : imports.upsert(missing, Locale.ENGLISH)) {
            // e.g. a demo admin made another field required or dropped a tariff: the rest is seeded all the same
            if (result.id() == null) {
                log.warn("Demo client {} not seeded: {} {}", result.externalId(), result.code(), result.message());
            }
        }
    }

    private void dispositions() {
        Set<String> names = categories.list(null).stream().filter(c -> c.parentId() == null).map(CategoryView::name)
                .collect(Collectors.toSet());
        for (int i = 0; i < DISPOSITIONS.size(); i++) {
            if (!names.contains(DISPOSITIONS.get(i))) {
                categories.create(DISPOSITIONS.get(i), null, true, i);
            }
        }
    }

    /**
     * A ticket for a client that has none yet. An agent edits a ticket's subject, so the client, not the
     * subject, says whether the demo ticket is there. Created by the system (no actor), then moved to its
     * status: a ticket always starts NEW.
     */
    private void ticket(DemoTicket demo) {
        Optional<UUID> client = clientId(demo.clientExternalId());
        if (client.isEmpty() || tickets.list(new TicketManagement.Filter(null, null, null, null, client.get(), null),
                0, 1, null).total() > 0) {
            return;
        }
        TicketView created = tickets.create(new TicketDraft(demo.subject(), demo.description(), null,
                demo.priority(), null, demo.group(), client.get(), List.of(), null), null);
        tickets.update(created.id(), created.version(), new TicketDraft(demo.subject(), demo.description(),
                demo.status(), demo.priority(), null, demo.group(), client.get(), List.of(), null), null);
    }

    private Optional<UUID> clientId(String externalId) {
        return clients.search(externalId, null, 0, 20, ClientDirectory.Order.NAME_ASC).items().stream()
                .filter(c -> externalId.equals(c.externalId())).map(ClientView::id).findFirst();
    }

    private static ClientFieldView field(String key, String label, ClientFieldView.Type type, List<String> options) {
        // position -1: after the fields the tenant has
        return new ClientFieldView(null, key, label, type, false, options, -1, 0);
    }

    private static ClientUpsertItem client(String externalId, String firstName, String lastName, String organisation,
            String language, List<ClientView.Phone> phones, String email, List<String> tags,
            Map<String, Object> custom) {
        return new ClientUpsertItem(externalId, firstName, lastName, organisation, language, phones,
                List.of(new ClientView.Email(email, null)), tags, custom);
    }

    private static ClientView.Phone phone(String number, String label) {
        return new ClientView.Phone(number, label);
    }

    private static Map<String, Object> custom(String contract, String tariff, String since, Boolean paperless) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (contract != null) {
            values.put("contract_number", contract);
        }
        values.put("tariff", tariff);
        if (since != null) {
            values.put("customer_since", since);
        }
        if (paperless != null) {
            values.put("paperless", paperless);
        }
        return values;
    }
}
