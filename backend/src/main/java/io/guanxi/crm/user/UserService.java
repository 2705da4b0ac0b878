package io.guanxi.crm.user;

import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.audit.FieldChange;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.user.api.PasswordResetRequest;
import io.guanxi.crm.user.api.UserCreateRequest;
import io.guanxi.crm.user.api.UserResponse;
import io.guanxi.crm.user.api.UserUpdateRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class UserService {

    private static final Map<String, String> SORTABLE = Map.of(
            "username", "lower(u.username)", "displayName", "u.displayName", "createdAt", "u.createdAt");

    @Inject
    UserRepository users;

    @Inject
    UserMapper mapper;

    @Inject
    PasswordHasher hasher;

    @Inject
    UserStatusCache statusCache;

    @Inject
    Event<UserAccessChanged> accessChanged;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    private static String sortedNames(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    }

    @Transactional
    public PageResponse<UserResponse> list(Integer page, Integer size, String sort, Role role, Boolean active) {
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "username,asc");
        UserRepository.Page found = users.list(role, active, paging);
        return new PageResponse<>(found.items().stream().map(mapper::toResponse).toList(), paging.page(), paging.size(),
                found.total());
    }

    @Transactional
    public UserResponse get(UUID id) {
        return mapper.toResponse(find(id));
    }

    @Transactional
    public UserResponse create(UserCreateRequest request) {
        rejectWeak(request.password(), request.username());
        if (users.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("This username is taken");
        }
        User user = new User();
        user.id = Ids.newId();
        user.username = request.username();
        user.displayName = request.displayName().trim();
        user.passwordHash = hasher.hash(request.password());
        user.roles = EnumSet.copyOf(request.roles());
        user.seniority = seniorityFor(user.roles, request.seniority());
        user.active = request.active() == null || request.active();
        user.createdAt = user.updatedAt = clock.instant();
        users.persist(user);
        return mapper.toResponse(user);
    }

    @Transactional
    public UserResponse update(UUID id, String ifMatch, UserUpdateRequest request, UUID actingUserId) {
        User user = find(id);
        IfMatch.check(ifMatch, user.version);
        Set<Role> roles = EnumSet.copyOf(request.roles());
        boolean staysActiveAdmin = request.active() && roles.contains(Role.ADMIN);
        if (user.id.equals(actingUserId) && !staysActiveAdmin) {
            throw ProblemException.conflict("You cannot remove your own admin role or deactivate yourself");
        }
        if (user.active && user.roles.contains(Role.ADMIN) && !staysActiveAdmin && activeAdmins() <= 1) {
            throw ProblemException.conflict("This is the last active admin; make another admin first");
        }
        boolean accessChanges = !user.roles.equals(roles) || user.active != request.active();
        if (accessChanges) {
            audit.record(AuditAction.UPDATE, "user", user.id, null, List.of(
                    new FieldChange("roles", sortedNames(user.roles), sortedNames(roles)),
                    new FieldChange("active", String.valueOf(user.active), String.valueOf(request.active()))));
        }
        user.displayName = request.displayName().trim();
        user.roles = roles;
        user.seniority = seniorityFor(roles, request.seniority());
        user.active = request.active();
        user.updatedAt = clock.instant();
        if (accessChanges) {
            voidTokensAndSessions(user);
        }
        users.flush();
        return mapper.toResponse(user);
    }

    @Transactional
    public UserResponse resetPassword(UUID id, PasswordResetRequest request) {
        User user = find(id);
        rejectWeak(request.password(), user.username);
        user.passwordHash = hasher.hash(request.password());
        user.updatedAt = clock.instant();
        voidTokensAndSessions(user);
        users.flush();
        return mapper.toResponse(user);
    }

    /**
     * The active user with these credentials, if any. An unknown username takes the same path and
     * costs the same: its password is checked against a decoy hash of the configured bcrypt cost.
     */
    @Transactional
    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = users.findByUsername(username);
        boolean matches = hasher.matches(password, user.map(u -> u.passwordHash).orElseGet(hasher::decoyHash));
        return user.filter(u -> matches && u.active);
    }

    /** Display names of these users, for showing owners and authors without one query each. */
    @Transactional
    public Map<UUID, String> displayNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.displayNames(ids);
    }

    /** Whether the user exists, is active and may own customers (a sales rep or a manager). */
    @Transactional
    public boolean mayOwnCustomers(UUID id) {
        return users.findByIdOptional(id).filter(u -> u.active)
                .filter(u -> u.roles.contains(Role.SALES_REP) || u.roles.contains(Role.MANAGER)).isPresent();
    }

    /** Fails unless the user exists, is active and may own customers (a sales rep or a manager). */
    @Transactional
    public void requireAssignableOwner(UUID id) {
        User user = users.findByIdOptional(id).filter(u -> u.active).orElseThrow(
                () -> ProblemException.invalidField("ownerId", "is not an active user"));
        if (!user.roles.contains(Role.SALES_REP) && !user.roles.contains(Role.MANAGER)) {
            throw ProblemException.invalidField("ownerId", "must be a sales rep or a manager");
        }
    }

    /** Active sales reps, optionally of one seniority, by id (candidates for lead assignment). */
    @Transactional
    public List<UUID> activeSalesReps(Seniority seniority) {
        return users.activeSalesReps(seniority);
    }

    /**
     * Every token issued before now stops working on its next request and every web session ends
     * (the session feature observes the event in this transaction).
     */
    private void voidTokensAndSessions(User user) {
        user.tokenGeneration++;
        statusCache.invalidate(user.id);
        accessChanged.fire(new UserAccessChanged(user.id));
    }

    /**
     * Active users who may own customers (sales reps, managers), by lower-case username and by display name, for an
     * import's owner column; a display name two of them share maps to empty (ambiguous: the username is needed).
     */
    @Transactional
    public Map<String, Optional<UUID>> assignableOwnersByName() {
        List<User> owners = users.list("active = true").stream()
                .filter(u -> u.roles.contains(Role.SALES_REP) || u.roles.contains(Role.MANAGER)).toList();
        Map<String, Optional<UUID>> byName = new HashMap<>();
        for (User user : owners) {
            if (user.displayName != null && !user.displayName.isBlank()) {
                byName.merge(user.displayName.strip(), Optional.of(user.id), (a, b) -> a.equals(b) ? a : Optional.empty());
            }
        }
        // A username is unique and wins over a display name spelt the same.
        owners.forEach(user -> byName.put(user.username.toLowerCase(Locale.ROOT), Optional.of(user.id)));
        return byName;
    }

    /** The active users holding this role, by id (managers to notify, for example). */
    @Transactional
    public List<UUID> activeWithRole(Role role) {
        return users.activeWithRole(role);
    }

    /** Ids of the active users with these usernames (case-insensitive), for @mentions; unknown names are absent. */
    @Transactional
    public Map<String, UUID> activeIdsByUsername(Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return users.activeIdsByUsername(usernames);
    }

    public User find(UUID id) {
        return users.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("User " + id));
    }

    private long activeAdmins() {
        return users.activeAdmins();
    }

    private static Seniority seniorityFor(Set<Role> roles, Seniority requested) {
        if (!roles.contains(Role.SALES_REP)) {
            if (requested != null) {
                throw ProblemException.invalidField("seniority", "applies only to users with the SALES_REP role");
            }
            return null;
        }
        return requested == null ? Seniority.JUNIOR : requested;
    }

    private static void rejectWeak(String password, String username) {
        String weakness = PasswordPolicy.weakness(password, username);
        if (weakness != null) {
            throw ProblemException.invalidField("password", weakness);
        }
    }
}
