package io.guanxi.crm.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What is open without a token is chosen, not drifted into: {@code @PermitAll} only on sign-in (auth) and on the
 * public survey pair, and nothing but the survey lives under {@code /api/v1/public}.
 */
class PublicEndpointsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.guanxi.crm");

    @Test
    void onlySignInAndThePublicSurveyAreOpen() {
        TreeSet<String> open = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            if (c.isAnnotatedWith(PermitAll.class)) {
                open.add(c.getSimpleName() + " (the whole class)");
            }
            c.getMethods().stream().filter(m -> m.isAnnotatedWith(PermitAll.class))
                    .forEach(m -> open.add(c.getSimpleName() + "." + m.getName()));
        }
        assertEquals(new TreeSet<>(List.of("AuthResource.endSession", "AuthResource.refreshSession", "AuthResource.signIn",
                "AuthResource.startSession", "PublicSurveyResource.answerPublicSurvey", "PublicSurveyResource.getPublicSurvey")), open);
    }

    @Test
    void nothingButTheSurveyIsUnderApiV1Public() {
        TreeSet<String> underPublic = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            if (c.isAnnotatedWith(Path.class) && c.getAnnotationOfType(Path.class).value().startsWith("/api/v1/public")) {
                underPublic.add(c.getSimpleName());
            }
        }
        assertEquals(new TreeSet<>(List.of("PublicSurveyResource")), underPublic);
    }
}
