package io.linea.identity.support;

import java.util.List;

import io.linea.platform.problem.LineaProblemException;

/** A page of a list: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** Validated paging parameters. */
    public record Request(int page, int size) {

        public static Request of(Integer page, Integer size) {
            int p = page == null ? 0 : page;
            int s = size == null ? DEFAULT_SIZE : size;
            if (p < 0) {
                throw LineaProblemException.badRequest("request.invalid-parameter", "page");
            }
            if (s < 1 || s > MAX_SIZE) {
                throw LineaProblemException.badRequest("request.invalid-parameter", "size");
            }
            return new Request(p, s);
        }

        public long offset() {
            return (long) page * size;
        }
    }
}
