package io.linea.cc.kb;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import io.linea.platform.problem.ProblemResponses;

/**
 * Problem details for broken uploads (the HD-03 import), which the platform's advice would answer with a
 * 500: a missing file part, or a body that is not valid multipart. Too large is the platform's
 * {@code request.too-large}, as for any other body.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class MultipartProblems {

    private final ProblemResponses responses;

    MultipartProblems(ProblemResponses responses) {
        this.responses = responses;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return respond(HttpStatus.BAD_REQUEST, "request.missing-part", e.getRequestPartName());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return respond(HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
        }
        return respond(HttpStatus.BAD_REQUEST, "request.multipart-invalid");
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, Object... args) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(responses.problem(status, code, args, LocaleContextHolder.getLocale()));
    }
}
