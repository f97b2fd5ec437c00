package io.linea.cc.form;

import java.util.List;

/** What a designer submits for a form; a field's {@code position} below 0 means "where it is in the list". */
public record FormDraft(String name, String description, boolean active, List<FormField> fields) {
}
