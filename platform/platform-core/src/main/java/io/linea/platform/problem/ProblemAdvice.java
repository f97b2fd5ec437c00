package io.linea.platform.problem;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.linea.platform.tenancy.NoTenantException;

/**
 * Turns every failure into RFC 9457 problem details with a stable code and a message in the caller's
 * language. Never returns a stack trace, SQL or another tenant's data.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ProblemResponses responses;

    public ProblemAdvice(ProblemResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(LineaProblemException.class)
    ResponseEntity<ProblemDetail> linea(LineaProblemException e) {
        return respondWithFields(e.status(), e.code(), e.fieldProblems(), e.args());
    }

    @ExceptionHandler(NoTenantException.class)
    ResponseEntity<ProblemDetail> noTenant(NoTenantException e) {
        return respond(HttpStatus.BAD_REQUEST, "tenant.required");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<LineaProblemException.FieldProblem> fields = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            fields.add(fieldProblem(error.getField(), error.getCode(), error.getArguments()));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> fields.add(fieldProblem(error.getObjectName(), error.getCode(), error.getArguments())));
        return respondWithFields(HttpStatus.BAD_REQUEST, "validation.failed", fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<LineaProblemException.FieldProblem> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> fields.add(
                fieldProblem(result.getMethodParameter().getParameterName(), error.getCodes() == null ? null
                        : error.getCodes()[error.getCodes().length - 1], error.getArguments()))));
        return respondWithFields(HttpStatus.BAD_REQUEST, "validation.failed", fields);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getSimpleName();
            if (cause instanceof PayloadTooLargeException) {
                return respond(HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
            }
            if (type.equals("UnrecognizedPropertyException") || type.equals("IgnoredPropertyException")) {
                String field = path(cause);
                return respondWithFields(HttpStatus.BAD_REQUEST, "request.unknown-field",
                        List.of(new LineaProblemException.FieldProblem(field, "request.unknown-field", field)), field);
            }
            if (type.equals("InvalidFormatException") || type.equals("MismatchedInputException")
                    || type.equals("InvalidTypeIdException") || type.equals("ValueInstantiationException")) {
                String field = path(cause);
                String allowed = allowedValues(cause);
                String code = allowed.isEmpty() ? "request.invalid-value" : "request.invalid-enum";
                return respondWithFields(HttpStatus.BAD_REQUEST, code,
                        List.of(new LineaProblemException.FieldProblem(field, code, field, allowed)), field, allowed);
            }
        }
        return respond(HttpStatus.BAD_REQUEST, "request.malformed-json");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(HttpStatus.BAD_REQUEST, "request.invalid-parameter", e.getName());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, "request.missing-parameter", e.getParameterName());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.unsupported-media-type");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "request.not-acceptable");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed", e.getMethod());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noRoute(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "route.not-found");
    }

    @ExceptionHandler({ MaxUploadSizeExceededException.class, PayloadTooLargeException.class })
    ResponseEntity<ProblemDetail> tooLarge(Exception e) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
        return respond(HttpStatus.CONFLICT, "resource.stale");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        String constraint = constraintName(e);
        String code = constraint == null ? null : responses.messages().constraintCode(constraint);
        if (code == null) {
            log.warn("Unmapped integrity violation (constraint {})", constraint);
            code = "resource.conflict";
        }
        return respond(HttpStatus.CONFLICT, code);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(HttpStatus.FORBIDDEN, "permission.denied", "");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal.error");
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, Object... args) {
        return respondWithFields(status, code, List.of(), args);
    }

    private ResponseEntity<ProblemDetail> respondWithFields(HttpStatus status, String code,
            List<LineaProblemException.FieldProblem> fields, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(responses.problem(status, code, args, fields, locale));
    }

    private static LineaProblemException.FieldProblem fieldProblem(String field, String constraint, Object[] args) {
        String code = "validation." + kebab(constraint == null ? "invalid" : constraint);
        Object[] messageArgs = args == null ? new Object[0]
                : Arrays.stream(args).skip(1).map(a -> a instanceof org.springframework.context.MessageSourceResolvable ? ""
                        : String.valueOf(a)).toArray();
        return new LineaProblemException.FieldProblem(field, code, messageArgs);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Jackson 2 and 3 both expose the JSON path of a databind failure as {@code getPath()}. */
    private static String path(Throwable databind) {
        try {
            Method getPath = databind.getClass().getMethod("getPath");
            List<?> references = (List<?>) getPath.invoke(databind);
            StringBuilder path = new StringBuilder();
            for (Object reference : references) {
                Object name = reference.getClass().getMethod("getPropertyName").invoke(reference);
                if (name != null) {
                    path.append(path.isEmpty() ? "" : ".").append(name);
                } else {
                    Object index = reference.getClass().getMethod("getIndex").invoke(reference);
                    path.append('[').append(index).append(']');
                }
            }
            return path.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }

    private static String allowedValues(Throwable databind) {
        try {
            Object target = databind.getClass().getMethod("getTargetType").invoke(databind);
            if (target instanceof Class<?> type && type.isEnum()) {
                return String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
        return "";
    }

    private static String constraintName(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return violation.getConstraintName();
            }
            if (cause instanceof java.sql.SQLException sql && sql.getMessage() != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("constraint \"([^\"]+)\"").matcher(sql.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }
}
