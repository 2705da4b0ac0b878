package io.guanxi.crm.contact;

/**
 * Which lifecycle moves a sales rep may make (SPEC §4: potential → awareness → purchase → loyalty →
 * churn): one step forward, into CHURNED from anywhere, or from CHURNED back to AWARENESS (win-back).
 * Anything else — skipping a stage, going back — is a manager's call.
 */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    public static boolean repMayMove(LifecycleStage from, LifecycleStage to) {
        if (from == to || to == LifecycleStage.CHURNED) {
            return true;
        }
        if (from == LifecycleStage.CHURNED) {
            return to == LifecycleStage.AWARENESS;
        }
        return to.ordinal() == from.ordinal() + 1;
    }
}
