package io.linea.cc.provisioning;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.linea.cc.shared.InvalidInput;
import io.linea.cc.shared.Paged;
import io.linea.platform.problem.LineaProblemException;

/** The current tenant's numbers: read them, and choose where their calls go (TEN-02). */
@Service
public class TenantNumberManagement {

    private static final Logger log = LoggerFactory.getLogger(TenantNumberManagement.class);

    private final TenantNumbers numbers;
    private final QueueDirectory queues;

    TenantNumberManagement(TenantNumbers numbers, QueueDirectory queues) {
        this.numbers = numbers;
        this.queues = queues;
    }

    @Transactional(readOnly = true)
    public Paged<TenantNumberView> list(int page, int size) {
        return Paged.of(numbers.findAll(PageRequest.of(page, size, Sort.by("e164", "id"))), TenantNumber::view);
    }

    @Transactional(readOnly = true)
    public TenantNumberView get(UUID id) {
        return require(id).view();
    }

    /** {@code greeting} blank or null: the platform's default greeting. */
    @Transactional
    public TenantNumberView route(UUID id, long expectedVersion, RouteTarget target, String greeting, UUID queueId,
            int priority) {
        TenantNumber number = require(id);
        if (number.version() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(TenantNumber.class, id);
        }
        if (target == RouteTarget.QUEUE) {
            // another tenant's queue reads as missing: its existence is not revealed
            if (queueId == null) {
                throw InvalidInput.field("queueId", "validation.not-null");
            }
            if (!queues.exists(queueId)) {
                throw InvalidInput.field("queueId", "number.queue-missing");
            }
        }
        number.route(target, greeting == null || greeting.isBlank() ? null : greeting.strip(), queueId, priority);
        number = numbers.saveAndFlush(number);
        log.info("Number {} routed to {}", id, target);
        return number.view();
    }

    private TenantNumber require(UUID id) {
        return numbers.findById(id).orElseThrow(() -> LineaProblemException.notFound("number"));
    }
}
