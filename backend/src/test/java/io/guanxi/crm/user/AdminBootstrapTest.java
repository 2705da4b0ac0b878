package io.guanxi.crm.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminBootstrapTest {

    @Test
    void productionRefusesToStartWithoutAnAdminPassword() {
        var e = assertThrows(IllegalStateException.class, () -> AdminBootstrap.checkedPassword(Optional.empty(), false));
        assertTrue(e.getMessage().contains("GUANXI_ADMIN_PASSWORD"));
        assertThrows(IllegalStateException.class, () -> AdminBootstrap.checkedPassword(Optional.of("  "), false));
    }

    @Test
    void productionRefusesAWeakAdminPassword() {
        for (String weak : new String[] {"demo1234", "Password1234", "admin-Admin-1234", "aaaaaaaaaaaaaaaa", "Short1!"}) {
            var e = assertThrows(IllegalStateException.class, () -> AdminBootstrap.checkedPassword(Optional.of(weak), false),
                    weak);
            assertTrue(e.getMessage().contains("too weak"), e.getMessage());
        }
        assertEquals("Quiet-Harbour-42!", AdminBootstrap.checkedPassword(Optional.of("Quiet-Harbour-42!"), false));
    }

    @Test
    void demoAcceptsAWeakPasswordButStillNeedsOne() {
        assertEquals("demo1234", AdminBootstrap.checkedPassword(Optional.of("demo1234"), true));
        assertThrows(IllegalStateException.class, () -> AdminBootstrap.checkedPassword(Optional.empty(), true));
    }

    @Test
    void passwordPolicy() {
        assertNull(PasswordPolicy.weakness("Quiet-Harbour-42!", "li.na"));
        assertNotNull(PasswordPolicy.weakness("li.na-Quiet-42!", "li.na"));
        assertNotNull(PasswordPolicy.weakness("alllowercaseletters", "x"));
        assertNotNull(PasswordPolicy.weakness("Qwerty123!", "x"));
    }
}
