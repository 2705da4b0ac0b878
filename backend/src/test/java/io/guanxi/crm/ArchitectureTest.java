package io.guanxi.crm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.guanxi.crm.platform.visibility.Unscoped;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture docs/architecture.md describes, kept by the build: a feature's repository and its
 * unscoped queries stay inside the feature ("one place decides what a caller may see", issue 13);
 * features form no cycle, a resource talks only to its own feature, and the platform depends on no
 * feature (issue 14).
 */
class ArchitectureTest {

    private static final String ROOT = "io.guanxi.crm";

    /**
     * Run as the system, with no caller whose view could be scoped: demo seeding and the
     * command-line generator may use repositories directly.
     */
    private static final List<String> SYSTEM_TOOLS = List.of(ROOT + ".demo", ROOT + ".GuanxiMain");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    /** The feature a class belongs to: the package right under io.guanxi.crm ("contact", "lead", …). */
    static String featureOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return "";
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static boolean isSystemTool(JavaClass javaClass) {
        return SYSTEM_TOOLS.stream().anyMatch(tool -> javaClass.getName().equals(tool) || javaClass.getName().startsWith(tool + ".")
                || javaClass.getName().startsWith(tool + "$"));
    }

    @Test
    void repositoriesAreReachedOnlyFromTheirOwnFeature() {
        ArchCondition<JavaClass> onlyOwnFeature = new ArchCondition<>("be used only by classes of their own feature") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                repository.getDirectDependenciesToSelf().forEach(dependency -> {
                    JavaClass origin = dependency.getOriginClass();
                    if (!featureOf(origin).equals(featureOf(repository)) && !isSystemTool(origin)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
        classes().that().haveSimpleNameEndingWith("Repository").and().resideInAPackage(ROOT + "..")
                .should(onlyOwnFeature).check(classes);
    }

    @Test
    void unscopedQueriesAreCalledOnlyByTheFeaturesTheyName() {
        ArchCondition<JavaMethod> onlyNamedCallers = new ArchCondition<>("be called only from their feature or the features they name") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                Unscoped unscoped = method.getAnnotationOfType(Unscoped.class);
                List<String> allowed = List.of(unscoped.callers());
                for (JavaAccess<?> access : method.getAccessesToSelf()) {
                    String caller = featureOf(access.getOriginOwner());
                    if (!caller.equals(featureOf(method.getOwner())) && !allowed.contains(caller)) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()
                                + " — add the feature to @Unscoped(callers) only if it checked visibility itself"));
                    }
                }
            }
        };
        methods().that().areAnnotatedWith(Unscoped.class).should(onlyNamedCallers).allowEmptyShould(false).check(classes);
    }

    /** Every package under io.guanxi.crm but the platform is a feature, new ones included. */
    @Test
    void thePlatformDependsOnNoFeature() {
        noClasses().that().resideInAPackage(ROOT + ".platform..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(ROOT + "..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage(ROOT + ".platform.."))))
                .check(classes);
    }

    /**
     * A feature that needs something from a feature that depends on it declares an interface the
     * other implements (contact.CustomerValues, implemented by tier). Nothing is excluded: platform
     * depends on no feature (above) and no feature depends on demo, so neither can close a cycle;
     * GuanxiMain sits in the root package, outside every slice.
     */
    @Test
    void featuresFormNoCycle() {
        slices().matching(ROOT + ".(*)..").namingSlices("$1").should().beFreeOfCycles().check(classes);
    }

    /**
     * A resource maps HTTP onto its own feature's service: it depends on no other feature, not even
     * its api records. A view composed of several features (overview) is built by a service of its own.
     */
    @Test
    void resourcesTalkOnlyToTheirOwnFeature() {
        ArchCondition<JavaClass> ownFeatureOnly = new ArchCondition<>("depend only on their own feature and the platform") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                resource.getDirectDependenciesFromSelf().forEach(dependency -> {
                    JavaClass target = dependency.getTargetClass();
                    String feature = featureOf(target);
                    if (target.getPackageName().startsWith(ROOT + ".") && !feature.equals(featureOf(resource))
                            && !feature.equals("platform")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
        classes().that().haveSimpleNameEndingWith("Resource").and().resideInAPackage(ROOT + "..")
                .should(ownFeatureOnly).allowEmptyShould(false).check(classes);
    }

    /**
     * Analytics reads through the reporting persistence unit only (docs/operations.md, "The reporting replica"): every
     * EntityManager it holds is that unit's, so pointing the reporting datasource at a replica moves all of its reads.
     */
    @Test
    void analyticsReadsThroughTheReportingUnitOnly() {
        ArchCondition<JavaField> reportingUnit = new ArchCondition<>("be the reporting persistence unit") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                boolean reporting = field.tryGetAnnotationOfType(io.quarkus.hibernate.orm.PersistenceUnit.class)
                        .map(unit -> io.guanxi.crm.platform.db.Reporting.UNIT.equals(unit.value())).orElse(false);
                if (!reporting) {
                    events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is not @PersistenceUnit(Reporting.UNIT)"));
                }
            }
        };
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields().that().haveRawType(jakarta.persistence.EntityManager.class)
                .and().areDeclaredInClassesThat().resideInAPackage(ROOT + ".analytics..")
                .should(reportingUnit).allowEmptyShould(false).check(classes);
    }
}
