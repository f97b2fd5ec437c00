package io.linea.platform.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can understand: an HTTP status, a stable code (e.g. {@code queue.name-taken})
 * whose localised message lives in the {@code problems} bundles, and message arguments.
 */
public class LineaProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Object[] args;
    private final transient List<FieldProblem> fieldProblems;

    public LineaProblemException(HttpStatus status, String code, Object... args) {
        this(status, code, List.of(), args);
    }

    public LineaProblemException(HttpStatus status, String code, List<FieldProblem> fieldProblems, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args;
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** 404 with the resource kind as argument; the same answer whether the id exists in another tenant or nowhere. */
    public static LineaProblemException notFound(String resource) {
        return new LineaProblemException(HttpStatus.NOT_FOUND, "resource.not-found", resource);
    }

    public static LineaProblemException conflict(String code, Object... args) {
        return new LineaProblemException(HttpStatus.CONFLICT, code, args);
    }

    public static LineaProblemException badRequest(String code, Object... args) {
        return new LineaProblemException(HttpStatus.BAD_REQUEST, code, args);
    }

    public static LineaProblemException forbidden(String code, Object... args) {
        return new LineaProblemException(HttpStatus.FORBIDDEN, code, args);
    }

    /** One invalid field of a request: its JSON path, a stable code and message arguments. */
    public record FieldProblem(String field, String code, Object... args) {
    }
}
