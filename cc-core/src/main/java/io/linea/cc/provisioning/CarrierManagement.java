package io.linea.cc.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.LineaProblemException.FieldProblem;
import io.linea.platform.tenancy.TenantContext;

/**
 * The platform admin's carriers (TEL-02). Every change is announced with {@link TelephonyConfigChanged},
 * which listeners receive after the commit, so Asterisk never gets a trunk the database does not have.
 */
@Service
public class CarrierManagement {

    static final List<String> CODECS = List.of("alaw", "ulaw", "g722", "opus");
    static final List<String> TRANSPORTS = List.of("udp", "tcp", "tls");

    private static final Logger log = LoggerFactory.getLogger(CarrierManagement.class);

    private final Carriers carriers;
    private final ApplicationEventPublisher events;

    CarrierManagement(Carriers carriers, ApplicationEventPublisher events) {
        this.carriers = carriers;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Paged<CarrierView> list(int page, int size) {
        requirePlatform();
        return new Paged<>(carriers.page(page, size).stream().map(Carrier::view).toList(), page, size,
                carriers.count());
    }

    @Transactional(readOnly = true)
    public CarrierView get(UUID id) {
        requirePlatform();
        return carriers.find(id).orElseThrow(CarrierManagement::notFound).view();
    }

    @Transactional(readOnly = true)
    public Optional<CarrierView> findByName(String name) {
        requirePlatform();
        return carriers.findByName(name).map(Carrier::view);
    }

    @Transactional
    public CarrierView create(CarrierDraft draft) {
        requirePlatform();
        Carrier carrier = check(UUID.randomUUID(), draft, null, 0);
        carriers.insert(carrier);
        log.info("Carrier {} '{}' created ({}:{}/{}, enabled={})", carrier.id(), carrier.name(), carrier.host(),
                carrier.port(), carrier.transport(), carrier.enabled());
        events.publishEvent(new TelephonyConfigChanged(TelephonyConfigChanged.Kind.CARRIER, carrier.endpointId(),
                !carrier.enabled()));
        return carriers.find(carrier.id()).orElseThrow().view();
    }

    @Transactional
    public CarrierView update(UUID id, long expectedVersion, CarrierDraft draft) {
        requirePlatform();
        Carrier stored = carriers.lock(id).orElseThrow(CarrierManagement::notFound);
        if (stored.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("carrier " + id + " changed meanwhile");
        }
        Carrier carrier = check(id, draft, stored.password(), stored.version());
        carriers.update(carrier);
        log.info("Carrier {} '{}' changed ({}:{}/{}, enabled={}, password {})", id, carrier.name(), carrier.host(),
                carrier.port(), carrier.transport(), carrier.enabled(),
                draft.password() == null ? "kept" : draft.password().isEmpty() ? "removed" : "replaced");
        events.publishEvent(new TelephonyConfigChanged(TelephonyConfigChanged.Kind.CARRIER, carrier.endpointId(),
                !carrier.enabled()));
        return carriers.find(id).orElseThrow().view();
    }

    @Transactional
    public void delete(UUID id) {
        requirePlatform();
        Carrier carrier = carriers.lock(id).orElseThrow(CarrierManagement::notFound);
        if (carrier.numberCount() > 0) {
            throw LineaProblemException.conflict("carrier.in-use");
        }
        carriers.delete(id);
        log.info("Carrier {} '{}' deleted", id, carrier.name());
        events.publishEvent(new TelephonyConfigChanged(TelephonyConfigChanged.Kind.CARRIER, carrier.endpointId(),
                true));
    }

    /** Normalises the draft or fails with every invalid field at once. */
    private static Carrier check(UUID id, CarrierDraft draft, String storedPassword, long version) {
        List<FieldProblem> problems = new ArrayList<>();
        String host = NetworkAddresses.host(draft.host()).orElseGet(() -> {
            problems.add(new FieldProblem("host", "carrier.host-invalid", String.valueOf(draft.host())));
            return null;
        });
        String transport = draft.transport() == null ? "" : draft.transport().strip().toLowerCase(Locale.ROOT);
        if (!TRANSPORTS.contains(transport)) {
            problems.add(new FieldProblem("transport", "carrier.transport-unsupported",
                    String.valueOf(draft.transport())));
        }
        Set<String> codecs = new LinkedHashSet<>();
        List<String> requestedCodecs = draft.codecs() == null ? List.of() : draft.codecs();
        for (int i = 0; i < requestedCodecs.size(); i++) {
            String codec = requestedCodecs.get(i) == null ? "" : requestedCodecs.get(i).strip().toLowerCase(Locale.ROOT);
            if (CODECS.contains(codec)) {
                codecs.add(codec);
            } else {
                problems.add(new FieldProblem("codecs[" + i + "]", "carrier.codec-unsupported",
                        String.valueOf(requestedCodecs.get(i))));
            }
        }
        if (requestedCodecs.isEmpty()) {
            problems.add(new FieldProblem("codecs", "validation.not-empty"));
        }
        Set<String> cidrs = new LinkedHashSet<>();
        List<String> requestedCidrs = draft.matchCidrs() == null ? List.of() : draft.matchCidrs();
        for (int i = 0; i < requestedCidrs.size(); i++) {
            int index = i;
            NetworkAddresses.cidr(requestedCidrs.get(i)).ifPresentOrElse(cidrs::add,
                    () -> problems.add(new FieldProblem("matchCidrs[" + index + "]", "carrier.cidr-invalid",
                            String.valueOf(requestedCidrs.get(index)))));
        }
        if (!problems.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", problems);
        }
        String username = draft.username() == null || draft.username().isBlank() ? null : draft.username().strip();
        String password = draft.password() == null ? storedPassword
                : draft.password().isEmpty() ? null : draft.password();
        return new Carrier(id, draft.name().strip(), host, draft.port(), transport, username, password,
                List.copyOf(codecs), List.copyOf(cidrs), draft.enabled(), version, 0);
    }

    private static void requirePlatform() {
        if (!TenantContext.isPlatformScope()) {
            throw new IllegalStateException("Carriers are platform data: work on them in platform scope");
        }
    }

    private static LineaProblemException notFound() {
        return LineaProblemException.notFound("carrier");
    }
}
