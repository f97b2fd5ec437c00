package io.linea.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;

import org.hibernate.annotations.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.linea.identity.testing.IdentityIntegrationTest;
import io.linea.platform.testing.EmbeddedDatabase;

/**
 * TEN-01, first lock: every tenant-owned table of schema {@code identity} (a {@code tenant_id} column,
 * found in the catalogue of the migrated test database, so new tables are covered automatically) is mapped
 * by an entity whose {@code tenant_id} field carries Hibernate's {@code @TenantId}, and every entity
 * mapping such a table carries it. Row-level security, the second lock, is proven by
 * {@code RowLevelSecurityTest}.
 */
class TenantEntitiesTest extends IdentityIntegrationTest {

    /**
     * Tables with a {@code tenant_id} column that are not tenant-owned: the column names the tenant an
     * entry concerns (nullable), and the table is visible in platform scope only (no policy for the
     * application role), so no tenant filter applies. Checked below to stay that way.
     */
    static final Set<String> PLATFORM_ONLY = Set.of("platform_audit_event");

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void everyTenantTableIsMappedByAnEntityWithATenantId() {
        Set<String> tenantTables = tenantTables();
        assertThat(tenantTables).contains("membership", "tenant_policy", "audit_event");
        Map<String, List<JavaClass>> entities = entitiesByTable();
        for (String table : tenantTables) {
            List<JavaClass> mapping = entities.getOrDefault(table, List.of());
            assertThat(mapping).as("entity mapping identity." + table).isNotEmpty();
            for (JavaClass entity : mapping) {
                assertThat(tenantIdField(entity)).as(entity.getName() + " (identity." + table
                        + "): field on tenant_id annotated @TenantId").isPresent();
            }
        }
    }

    @Test
    void everyEntityOnATenantTableCarriesATenantId() {
        Set<String> tenantTables = tenantTables();
        DescribedPredicate<JavaClass> onTenantTable = DescribedPredicate.describe(
                "map a table of schema identity with a tenant_id column", c -> tenantTables.contains(table(c)));
        classes().that().areAnnotatedWith(Entity.class).and(onTenantTable)
                .should(new ArchCondition<JavaClass>("have a field on tenant_id annotated @TenantId") {
                    @Override
                    public void check(JavaClass entity, ConditionEvents events) {
                        events.add(new SimpleConditionEvent(entity, tenantIdField(entity).isPresent(),
                                entity.getName() + " maps identity." + table(entity)
                                        + " but has no @TenantId field on tenant_id"));
                    }
                }).check(ArchitectureTest.CLASSES);
    }

    @Test
    void theScannedEntitiesAreTheOnesHibernateMaps() {
        Set<String> scanned = ArchitectureTest.CLASSES.stream().filter(c -> c.isAnnotatedWith(Entity.class))
                .map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> mapped = entityManagerFactory.getMetamodel().getEntities().stream()
                .map(e -> e.getJavaType().getName()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(mapped).isEqualTo(scanned);
    }

    @Test
    void platformOnlyTablesAreInvisibleToTheApplicationRole() {
        for (String table : PLATFORM_ONLY) {
            assertThat(fixtures.query("select count(*) from information_schema.columns where table_schema ="
                    + " 'identity' and table_name = ? and column_name = 'tenant_id'", table)).as(table)
                    .containsExactly(1L);
            assertThat(fixtures.query("select relforcerowsecurity from pg_class where oid = ?::regclass",
                    "identity." + table)).as(table + ": row-level security forced").containsExactly(true);
            assertThat(fixtures.query("select count(*) from pg_policies where schemaname = 'identity'"
                    + " and tablename = ? and roles && array[?::name, 'public'::name]", table,
                    EmbeddedDatabase.APP)).as(table + ": policies for the application role").containsExactly(0L);
        }
    }

    /** Tables of schema identity with a tenant_id column, platform-only ones excepted. */
    private Set<String> tenantTables() {
        Set<String> tables = new TreeSet<>();
        for (Object name : fixtures.query("select table_name from information_schema.columns where table_schema ="
                + " 'identity' and column_name = 'tenant_id'")) {
            tables.add(String.valueOf(name));
        }
        tables.removeAll(PLATFORM_ONLY);
        return tables;
    }

    private static Map<String, List<JavaClass>> entitiesByTable() {
        Map<String, List<JavaClass>> byTable = new TreeMap<>();
        for (JavaClass c : ArchitectureTest.CLASSES) {
            if (c.isAnnotatedWith(Entity.class) && table(c) != null) {
                byTable.computeIfAbsent(table(c), t -> new ArrayList<>()).add(c);
            }
        }
        return byTable;
    }

    /** The entity's table in schema identity (the default schema), or null for another schema. */
    static String table(JavaClass entity) {
        Optional<Table> table = entity.tryGetAnnotationOfType(Table.class);
        String schema = table.map(Table::schema).filter(s -> !s.isEmpty()).orElse("identity");
        if (!schema.equals("identity")) {
            return null;
        }
        return table.map(Table::name).filter(n -> !n.isEmpty())
                .orElseGet(() -> snake(entity.getSimpleName()));
    }

    private static Optional<JavaField> tenantIdField(JavaClass entity) {
        return entity.getAllFields().stream().filter(f -> f.isAnnotatedWith(TenantId.class))
                .filter(f -> "tenant_id".equals(column(f))).findFirst();
    }

    private static String column(JavaField field) {
        return field.tryGetAnnotationOfType(Column.class).map(Column::name).filter(n -> !n.isEmpty())
                .orElseGet(() -> snake(field.getName()));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
