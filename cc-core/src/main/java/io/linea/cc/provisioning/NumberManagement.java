package io.linea.cc.provisioning;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.tenancy.TenantContext;

/**
 * The platform's number inventory and its assignment to tenants (TEN-02). Assigning, moving and
 * unassigning a number changes the tenant's copy in {@code tenant_number} in the same transaction, so a
 * tenant sees a number exactly while it is assigned to it.
 */
@Service
public class NumberManagement {

    private static final Logger log = LoggerFactory.getLogger(NumberManagement.class);

    private final PhoneNumbers numbers;
    private final Carriers carriers;

    NumberManagement(PhoneNumbers numbers, Carriers carriers) {
        this.numbers = numbers;
        this.carriers = carriers;
    }

    /** {@code query} is part of the number (formatting ignored); {@code tenantId} null for all tenants. */
    @Transactional(readOnly = true)
    public Paged<NumberView> list(String query, UUID tenantId, int page, int size) {
        requirePlatform();
        String digits = E164.searchTerm(query);
        return new Paged<>(numbers.page(digits, tenantId, page, size).stream().map(PhoneNumbers.Row::view).toList(),
                page, size, numbers.count(digits, tenantId));
    }

    @Transactional(readOnly = true)
    public NumberView get(UUID id) {
        requirePlatform();
        return numbers.find(id).orElseThrow(NumberManagement::notFound).view();
    }

    @Transactional(readOnly = true)
    public Optional<NumberView> findByE164(String e164) {
        requirePlatform();
        return E164.normalise(e164).flatMap(numbers::findByE164).map(PhoneNumbers.Row::view);
    }

    @Transactional
    public NumberView create(NumberDraft draft) {
        requirePlatform();
        String e164 = E164.require("e164", draft.e164());
        requireCarrier(draft.carrierId());
        UUID id = UUID.randomUUID();
        numbers.insert(id, e164, draft.type(), draft.carrierId(), draft.tenantId());
        log.info("Number {} {} added to the inventory", id, e164);
        if (draft.tenantId() != null) {
            numbers.assign(id, draft.tenantId(), e164, draft.type());
            log.info("Number {} {} assigned to tenant {}", id, e164, draft.tenantId());
        }
        return numbers.find(id).orElseThrow().view();
    }

    @Transactional
    public NumberView update(UUID id, long expectedVersion, NumberDraft draft) {
        requirePlatform();
        PhoneNumbers.Row stored = numbers.lock(id).orElseThrow(NumberManagement::notFound);
        if (stored.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("number " + id + " changed meanwhile");
        }
        String e164 = E164.require("e164", draft.e164());
        requireCarrier(draft.carrierId());
        numbers.update(id, e164, draft.type(), draft.carrierId(), draft.tenantId());
        UUID from = stored.tenantId();
        UUID to = draft.tenantId();
        if (from == null && to != null) {
            numbers.assign(id, to, e164, draft.type());
            log.info("Number {} {} assigned to tenant {}", id, e164, to);
        } else if (from != null && to == null) {
            numbers.unassign(id);
            log.info("Number {} {} unassigned from tenant {}", id, e164, from);
        } else if (from != null) {
            if (!from.equals(to)) {
                numbers.move(id, to);
                log.info("Number {} {} moved from tenant {} to tenant {}", id, e164, from, to);
            }
            numbers.describe(id, e164, draft.type());
        }
        if (!Objects.equals(stored.e164(), e164) || stored.type() != draft.type()
                || !stored.carrierId().equals(draft.carrierId())) {
            log.info("Number {} changed: {} {} on carrier {}", id, e164, draft.type(), draft.carrierId());
        }
        return numbers.find(id).orElseThrow().view();
    }

    @Transactional
    public void delete(UUID id) {
        requirePlatform();
        PhoneNumbers.Row stored = numbers.lock(id).orElseThrow(NumberManagement::notFound);
        numbers.delete(id);
        log.info("Number {} {} removed from the inventory{}", id, stored.e164(),
                stored.tenantId() == null ? "" : " and from tenant " + stored.tenantId());
    }

    /** Holds a share lock on the carrier until commit, so it cannot be deleted under the new number. */
    private void requireCarrier(UUID carrierId) {
        if (carrierId == null || !carriers.share(carrierId)) {
            throw LineaProblemException.notFound("carrier");
        }
    }

    private static void requirePlatform() {
        if (!TenantContext.isPlatformScope()) {
            throw new IllegalStateException("The number inventory is platform data: work on it in platform scope");
        }
    }

    private static LineaProblemException notFound() {
        return LineaProblemException.notFound("number");
    }
}
