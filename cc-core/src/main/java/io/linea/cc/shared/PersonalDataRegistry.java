package io.linea.cc.shared;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Every table and column of cc-core that holds personal data (SEC-04), contributed by the modules that
 * own them through {@link PersonalDataSource} beans, so that retention and erasure of a person's data
 * can find all of it without knowing each module.
 */
@Component
public class PersonalDataRegistry {

    private final List<PersonalDataLocation> locations;

    PersonalDataRegistry(List<PersonalDataSource> sources) {
        this.locations = sources.stream().flatMap(s -> s.personalData().stream())
                .sorted(Comparator.comparing(PersonalDataLocation::table)).toList();
    }

    /** All registered locations, ordered by table. */
    public List<PersonalDataLocation> locations() {
        return locations;
    }

    /**
     * Where personal data lives: a table of schema {@code cc}, its columns that hold it, whose data it is
     * and how a row is found for one data subject (the SQL predicate an erasure starts from).
     */
    public record PersonalDataLocation(String table, List<String> columns, Subject subject, String owner,
            String findBy) {

        public PersonalDataLocation {
            columns = List.copyOf(columns);
        }
    }

    /** Whose personal data a location holds. */
    public enum Subject {
        /** the tenant's customers: callers, chat visitors, clients on the card */
        CUSTOMER,
        /** the tenant's staff: agents and supervisors named as authors */
        STAFF
    }

    /** A module's contribution: the locations of the personal data its tables hold. */
    public interface PersonalDataSource {

        List<PersonalDataLocation> personalData();
    }
}
