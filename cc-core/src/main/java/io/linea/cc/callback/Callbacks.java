package io.linea.cc.callback;

import java.util.UUID;

import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import io.linea.cc.callback.CallbackView.Kind;
import io.linea.cc.callback.CallbackView.Status;

/** The current tenant's work list (no derived queries: they would open a session without a tenant at start-up). */
interface Callbacks extends JpaRepository<Callback, UUID>, JpaSpecificationExecutor<Callback> {

    static Specification<Callback> open() {
        return (root, query, cb) -> cb.notEqual(root.get("status"), Status.DONE);
    }

    static Specification<Callback> done() {
        return (root, query, cb) -> cb.equal(root.get("status"), Status.DONE);
    }

    static Specification<Callback> kind(Kind kind) {
        return (root, query, cb) -> cb.equal(root.get("kind"), kind);
    }
}
