package io.linea.identity.users;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.http.HttpStatus;

import io.linea.identity.support.Languages;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.Permissions;
import io.linea.platform.security.Roles;

/** Checks of what may be granted: known roles, individually grantable permissions, supported languages. */
public final class Grants {

    private Grants() {
    }

    /** Distinct, known role ids; 400 {@code validation.failed} naming each unknown one. */
    public static List<String> roles(List<String> roles) {
        List<String> result = new ArrayList<>(new LinkedHashSet<>(roles == null ? List.of() : roles));
        List<LineaProblemException.FieldProblem> problems = new ArrayList<>();
        for (String role : result) {
            if (role == null || Roles.byId(role).isEmpty()) {
                problems.add(new LineaProblemException.FieldProblem("roles", "user.unknown-role", String.valueOf(role)));
            }
        }
        if (!problems.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", problems);
        }
        return result;
    }

    public static List<String> extraPermissions(List<String> permissions) {
        List<String> result = new ArrayList<>(new LinkedHashSet<>(permissions == null ? List.of() : permissions));
        List<LineaProblemException.FieldProblem> problems = new ArrayList<>();
        for (String permission : result) {
            if (permission == null || !Permissions.GRANTABLE.contains(permission)) {
                problems.add(new LineaProblemException.FieldProblem("extraPermissions", "user.permission-not-grantable",
                        String.valueOf(permission)));
            }
        }
        if (!problems.isEmpty()) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed", problems);
        }
        return result;
    }

    /** A supported language code, or English when none was given. */
    public static String locale(String locale, String field) {
        if (locale == null || locale.isBlank()) {
            return "en";
        }
        if (!Languages.isSupported(locale)) {
            throw new LineaProblemException(HttpStatus.BAD_REQUEST, "validation.failed",
                    List.of(new LineaProblemException.FieldProblem(field, "locale.unsupported", locale)));
        }
        return locale;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
