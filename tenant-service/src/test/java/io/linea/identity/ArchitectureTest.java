package io.linea.identity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import io.linea.platform.security.PlatformAdminOnly;
import io.linea.platform.security.RequiresPermission;

/** Structural rules of tenant-service. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.linea.identity");

    /** Handlers that are deliberately neither tenant-scoped nor platform-only: the person's own account and the gateway's endpoint. */
    static final Set<String> PERSONAL_OR_INTERNAL = Set.of("io.linea.identity.users.MeController",
            "io.linea.identity.tenant.InternalTenantController");

    static final List<Class<? extends java.lang.annotation.Annotation>> MAPPINGS = List.of(GetMapping.class,
            PostMapping.class, PutMapping.class, DeleteMapping.class, PatchMapping.class, RequestMapping.class);

    @Test
    void everyApiHandlerIsTenantScopedOrPlatformOnly() {
        DescribedPredicate<JavaMethod> handler = DescribedPredicate.describe("request handlers",
                m -> MAPPINGS.stream().anyMatch(m::isAnnotatedWith));
        ArchCondition<JavaMethod> guarded = new ArchCondition<>("carry @RequiresPermission or @PlatformAdminOnly") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean ok = method.isAnnotatedWith(RequiresPermission.class)
                        || method.isAnnotatedWith(PlatformAdminOnly.class)
                        || method.getOwner().isAnnotatedWith(RequiresPermission.class)
                        || method.getOwner().isAnnotatedWith(PlatformAdminOnly.class);
                events.add(new SimpleConditionEvent(method, ok, method.getFullName() + " is not guarded"));
            }
        };
        methods().that(handler).and().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .and().areDeclaredInClassesThat(DescribedPredicate.describe("not personal or internal",
                        c -> !PERSONAL_OR_INTERNAL.contains(c.getName())))
                .should(guarded).check(CLASSES);
    }

    @Test
    void controllersLeaveSqlToTheStores() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .check(CLASSES);
    }
}
