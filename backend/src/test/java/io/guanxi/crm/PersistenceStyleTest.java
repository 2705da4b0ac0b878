package io.guanxi.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One persistence style (issue 14 item 4): entities are plain JPA, and only a feature's {@code *Repository}
 * classes reach the database; services, resources, jobs and listeners call them. The platform's own
 * plumbing (visibility, idempotency, jobs) is exempt. Read models publish SQL constants only.
 */
class PersistenceStyleTest {

    private static final String ROOT = "io.guanxi.crm";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void entitiesArePlainJpa() {
        noClasses().that().areAnnotatedWith(Entity.class).should().beAssignableTo(PanacheEntityBase.class).check(classes);
    }

    @Test
    void onlyRepositoriesReachTheDatabase() {
        noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT + ".platform..")
                .and().haveSimpleNameNotEndingWith("Repository")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.agroal.api.AgroalDataSource")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("javax.sql.DataSource")
                .check(classes);
    }

    @Test
    void readModelsPublishSqlConstantsOnly() {
        classes().that().haveSimpleNameEndingWith("ReadModel").and().resideInAPackage(ROOT + "..")
                .should().haveOnlyFinalFields().andShould().haveOnlyPrivateConstructors()
                .allowEmptyShould(false).check(classes);
    }
}
