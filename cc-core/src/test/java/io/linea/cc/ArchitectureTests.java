package io.linea.cc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.hibernate.annotations.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.persistence.Entity;

/** House rules that keep tenant isolation and the module API honest (TEN-01). */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.linea.cc");

    @Test
    void everyEntityCarriesATenantId() {
        classes().that().areAnnotatedWith(Entity.class)
                .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("have a field annotated @TenantId") {
                    @Override
                    public void check(JavaClass entity, com.tngtech.archunit.lang.ConditionEvents events) {
                        boolean tenantId = entity.getAllFields().stream().anyMatch(f -> f.isAnnotatedWith(TenantId.class));
                        if (!tenantId) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(entity,
                                    entity.getName() + " has no @TenantId field"));
                        }
                    }
                }).check(CLASSES);
    }

    @Test
    void entitiesAndControllersStayInsideTheirModule() {
        classes().that().areAnnotatedWith(Entity.class).or().areAnnotatedWith(RestController.class)
                .should().notHaveModifier(JavaModifier.PUBLIC).check(CLASSES);
    }

    @Test
    void controllersDoNotTouchRepositories() {
        classes().that().areAnnotatedWith(RestController.class).should().onlyDependOnClassesThat(
                DescribedPredicate.not(JavaClass.Predicates.assignableTo(org.springframework.data.repository.Repository.class)))
                .check(CLASSES);
    }
}
