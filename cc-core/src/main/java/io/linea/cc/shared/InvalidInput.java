package io.linea.cc.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.linea.platform.problem.LineaProblemException;

/** A 400 {@code validation.failed} problem for one field, for checks Bean Validation cannot express. */
public final class InvalidInput {

    private InvalidInput() {
    }

    public static LineaProblemException field(String field, String code, Object... args) {
        return new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed",
                List.of(new LineaProblemException.FieldProblem(field, code, args)));
    }
}
