package io.linea.cc.shared;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list, as the API contract shapes it. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public static <E, T> Paged<T> of(Page<E> page, Function<E, T> mapper) {
        return new Paged<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements());
    }
}
