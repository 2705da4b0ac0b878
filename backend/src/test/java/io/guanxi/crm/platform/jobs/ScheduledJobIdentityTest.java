package io.guanxi.crm.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every scheduled method has a fixed identity (its row in qrtz_triggers, the same on every replica and across
 * releases: a generated one would change with the class name and leave a phantom job behind), and every one that runs
 * on the shared Quartz store is @Nonconcurrent, so a slow run never overlaps the next firing on another replica.
 */
class ScheduledJobIdentityTest {

    @Test
    void everyScheduledMethodHasAUniqueFixedIdentityAndSharedOnesDoNotOverlap() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.guanxi.crm");
        List<String> problems = new ArrayList<>();
        Set<String> identities = new HashSet<>();
        int count = 0;
        for (var javaClass : main) {
            for (JavaMethod method : javaClass.getMethods()) {
                if (!method.isAnnotatedWith(Scheduled.class)) {
                    continue;
                }
                count++;
                Scheduled scheduled = method.getAnnotationOfType(Scheduled.class);
                String name = javaClass.getSimpleName() + "." + method.getName();
                if (scheduled.identity().isBlank() || scheduled.identity().contains("{")) {
                    problems.add(name + " has no fixed identity");
                } else if (!identities.add(scheduled.identity())) {
                    problems.add(name + " reuses the identity " + scheduled.identity());
                }
                boolean local = Scheduled.SIMPLE.equals(scheduled.executeWith());
                if (!local && !method.isAnnotatedWith(Nonconcurrent.class)) {
                    problems.add(name + " runs on the shared store but is not @Nonconcurrent");
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(17, count, "the scheduled methods of issue 22's list and the survey rate purge; a new one is checked here too");
    }
}
