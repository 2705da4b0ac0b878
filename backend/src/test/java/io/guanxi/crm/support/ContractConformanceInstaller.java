package io.guanxi.crm.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;

/**
 * Installs {@link ContractConformance} as a global REST Assured filter before every {@code @QuarkusTest}
 * class (registered in META-INF/services), so no test can forget it. Quarkus calls it in the test's own
 * class loader, the one whose RestAssured the test uses.
 */
public class ContractConformanceInstaller implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        synchronized (RestAssured.class) {
            if (RestAssured.filters().stream().noneMatch(ContractConformance.class::isInstance)) {
                RestAssured.filters(new ContractConformance());
            }
        }
    }
}
