package io.linea.cc.crm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

import io.linea.cc.provisioning.E164;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.problem.LineaProblemException.FieldProblem;

/**
 * Checks a client's custom values against the tenant's field definitions on every write (CRM-02): type,
 * required, option membership, phone and e-mail format; unknown keys are refused. Every invalid value is
 * reported at once, each as {@code custom.<key>}. Values come back normalised (numbers as decimals,
 * phones E.164, addresses lower case, text stripped); an empty value counts as absent and is not stored.
 * Intake forms check their answers with the same rules under their own path and codes (CRM-02, CRM-06).
 */
public final class CustomValues {

    static final int MAX_TEXT = 1000;

    private static final Codes CLIENT = new Codes("custom", "client.custom");

    /**
     * Where problems point and what they are called: a value's problem is reported for field
     * {@code <path>.<key>} with code {@code <prefix>-unknown}, {@code -required}, {@code -type},
     * {@code -too-long}, {@code -date} or {@code -option} ({@code number.invalid} and {@code email.invalid}
     * whatever the prefix).
     */
    public record Codes(String path, String prefix) {
    }

    private CustomValues() {
    }

    static Map<String, Object> check(List<ClientFieldView> fields, Map<String, Object> submitted) {
        return check(fields, submitted, CLIENT);
    }

    /**
     * The values of {@code submitted} that {@code fields} define, normalised; throws 400
     * {@code validation.failed} naming every invalid value. {@code fields} need only key, label, type,
     * required and options.
     */
    public static Map<String, Object> check(List<ClientFieldView> fields, Map<String, Object> submitted,
            Codes codes) {
        Map<String, Object> values = submitted == null ? Map.of() : submitted;
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, ClientFieldView> byKey = new LinkedHashMap<>();
        fields.forEach(f -> byKey.put(f.key(), f));
        for (String key : values.keySet()) {
            if (!byKey.containsKey(key)) {
                problems.add(new FieldProblem(codes.path() + "." + key, codes.prefix() + "-unknown", key));
            }
        }
        Map<String, Object> checked = new LinkedHashMap<>();
        for (ClientFieldView field : fields) {
            Object raw = values.get(field.key());
            try {
                Optional<Object> value = raw == null ? Optional.empty() : normalise(field, raw);
                if (value.isPresent()) {
                    checked.put(field.key(), value.get());
                } else if (field.required()) {
                    problems.add(new FieldProblem(codes.path() + "." + field.key(), codes.prefix() + "-required",
                            field.label()));
                }
            } catch (Invalid invalid) {
                String code = invalid.code.startsWith("-") ? codes.prefix() + invalid.code : invalid.code;
                problems.add(new FieldProblem(codes.path() + "." + field.key(), code, invalid.args));
            }
        }
        if (!problems.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", problems);
        }
        return checked;
    }

    /** The stored values of fields that still exist; a value whose field was deleted never reaches the API. */
    static Map<String, Object> visible(List<ClientFieldView> fields, Map<String, Object> stored) {
        Map<String, Object> visible = new LinkedHashMap<>();
        for (ClientFieldView field : fields) {
            if (stored.containsKey(field.key())) {
                visible.put(field.key(), stored.get(field.key()));
            }
        }
        return visible;
    }

    private static Optional<Object> normalise(ClientFieldView field, Object raw) {
        return switch (field.type()) {
            case TEXT -> {
                String text = string(raw, field).strip();
                if (text.length() > MAX_TEXT) {
                    throw new Invalid("-too-long", MAX_TEXT);
                }
                yield text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
            case NUMBER -> switch (raw) {
                case Integer i -> Optional.of(BigDecimal.valueOf(i));
                case Long l -> Optional.of(BigDecimal.valueOf(l));
                case BigInteger b -> Optional.of(new BigDecimal(b));
                case BigDecimal d -> Optional.of(d);
                case Double d when Double.isFinite(d) -> Optional.of(BigDecimal.valueOf(d));
                case Float f when Float.isFinite(f) -> Optional.of(BigDecimal.valueOf(f));
                default -> throw wrongType(field);
            };
            case DATE -> {
                String text = string(raw, field).strip();
                if (text.isEmpty()) {
                    yield Optional.empty();
                }
                try {
                    yield Optional.of(LocalDate.parse(text).toString());
                } catch (DateTimeParseException e) {
                    throw new Invalid("-date", text);
                }
            }
            case BOOLEAN -> {
                if (!(raw instanceof Boolean b)) {
                    throw wrongType(field);
                }
                yield Optional.of(b);
            }
            case SELECT -> {
                String choice = string(raw, field);
                if (choice.isEmpty()) {
                    yield Optional.empty();
                }
                if (!field.options().contains(choice)) {
                    throw new Invalid("-option", choice, String.join(", ", field.options()));
                }
                yield Optional.of(choice);
            }
            case MULTI_SELECT -> {
                if (!(raw instanceof List<?> list)) {
                    throw wrongType(field);
                }
                LinkedHashSet<String> choices = new LinkedHashSet<>();
                for (Object item : list) {
                    if (!(item instanceof String choice)) {
                        throw wrongType(field);
                    }
                    if (!field.options().contains(choice)) {
                        throw new Invalid("-option", choice, String.join(", ", field.options()));
                    }
                    choices.add(choice);
                }
                yield choices.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(choices));
            }
            case PHONE -> {
                String typed = string(raw, field);
                if (typed.isBlank()) {
                    yield Optional.empty();
                }
                yield Optional.of(E164.normalise(typed).orElseThrow(() -> new Invalid("number.invalid", typed)));
            }
            case EMAIL -> {
                String typed = string(raw, field);
                if (typed.isBlank()) {
                    yield Optional.empty();
                }
                yield Optional.of(EmailAddresses.normalise(typed).orElseThrow(() -> new Invalid("email.invalid", typed)));
            }
        };
    }

    private static String string(Object raw, ClientFieldView field) {
        if (raw instanceof String s) {
            return s;
        }
        throw wrongType(field);
    }

    private static Invalid wrongType(ClientFieldView field) {
        return new Invalid("-type", field.type().name());
    }

    /** One value's problem; collected, never escapes this class. A code starting with "-" gets the caller's prefix. */
    private static final class Invalid extends RuntimeException {

        private final String code;
        private final transient Object[] args;

        Invalid(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }
    }
}
