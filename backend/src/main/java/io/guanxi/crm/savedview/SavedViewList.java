package io.guanxi.crm.savedview;

import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * The lists a view can be saved for, the URL parameters each list keeps (what a view may hold: its filters,
 * sort, page size and visible columns, never the page), and the roles that open the list.
 */
public enum SavedViewList {
    CONTACTS(Set.of("q", "ownerId", "tag", "lifecycleStage", "region", "industry", "abcTier", "membershipLevel", "archived",
            "sort", "size", "columns"), EnumSet.of(Role.ADMIN, Role.MANAGER, Role.SALES_REP, Role.SERVICE_AGENT)),
    LEADS(Set.of("q", "queue", "status", "ownerId", "sort", "size", "columns"), EnumSet.of(Role.ADMIN, Role.MANAGER, Role.SALES_REP)),
    COMPLAINTS(Set.of("q", "tab", "state", "severity", "category", "assigneeId", "open", "breached", "sort", "size", "columns"),
            EnumSet.of(Role.ADMIN, Role.MANAGER, Role.SALES_REP, Role.SERVICE_AGENT));

    /** The URL parameters a view of this list may hold. */
    public final Set<String> parameters;
    private final Set<Role> roles;

    SavedViewList(Set<String> parameters, Set<Role> roles) {
        this.parameters = parameters;
        this.roles = roles;
    }

    /** Whether the caller's role works with this list (service agents have no lead list). */
    boolean openTo(CurrentUser user) {
        return roles.stream().anyMatch(user::has);
    }
}
