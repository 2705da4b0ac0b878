package io.guanxi.crm.savedview;

import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.savedview.api.SavedViewRequest;
import io.guanxi.crm.savedview.api.SavedViewResponse;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Saved views: anyone saves their own; only managers and admins share one with the team; only the owner
 * changes or deletes a view (a shared view is read-only to the rest of the team); each user keeps one
 * default per list, which may be a view shared with them. Another user's private view does not exist
 * for the caller (404).
 */
@ApplicationScoped
public class SavedViewService {

    static final int MAX_VIEWS_PER_LIST = 50;
    static final int MAX_KEYS = 20;
    static final int MAX_VALUES = 20;
    static final int MAX_VALUE_LENGTH = 200;

    @Inject
    SavedViewRepository views;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Transactional
    public PageResponse<SavedViewResponse> list(SavedViewList list, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, SavedViewRepository.SORTABLE, "name,asc");
        Set<SavedViewList> lists = list == null ? openLists() : Set.of(requireOpen(list));
        long total = views.countVisible(currentUser.id(), lists);
        List<SavedView> found = total == 0 ? List.of() : views.visible(currentUser.id(), lists, paging);
        return new PageResponse<>(toResponses(found), paging.page(), paging.size(), total);
    }

    @Transactional
    public SavedViewResponse get(UUID id) {
        return toResponses(List.of(requireVisible(id))).get(0);
    }

    @Transactional
    public SavedViewResponse create(SavedViewRequest request) {
        SavedViewList list = requireOpen(request.list());
        UUID me = currentUser.id();
        if (views.countOwned(me, list) >= MAX_VIEWS_PER_LIST) {
            throw ProblemException.conflict("You have " + MAX_VIEWS_PER_LIST + " views of this list; delete one first");
        }
        SavedView view = new SavedView();
        view.id = Ids.newId();
        view.ownerId = me;
        view.viewList = list;
        apply(request, view);
        view.createdAt = view.updatedAt = clock.instant();
        views.persist(view);
        views.flush();
        return toResponses(List.of(view)).get(0);
    }

    @Transactional
    public SavedViewResponse update(UUID id, String ifMatch, SavedViewRequest request) {
        SavedView view = requireOwn(id);
        IfMatch.check(ifMatch, view.version);
        if (request.list() != view.viewList) {
            throw ProblemException.invalidField("list", "a view stays with its list (" + view.viewList + ")");
        }
        boolean wasShared = view.shared;
        apply(request, view);
        view.updatedAt = clock.instant();
        views.flush();
        if (wasShared && !view.shared) {
            views.dropOthersDefaults(view.id, view.ownerId);
        }
        return toResponses(List.of(view)).get(0);
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        SavedView view = requireOwn(id);
        IfMatch.check(ifMatch, view.version);
        views.delete(view);
    }

    /** Makes the view (the caller's own or one shared with them) the caller's default of its list. */
    @Transactional
    public void makeDefault(UUID id) {
        SavedView view = requireVisible(id);
        views.setDefault(currentUser.id(), view.viewList, view.id);
    }

    /** The view is no longer the caller's default (harmless when it was not). */
    @Transactional
    public void clearDefault(UUID id) {
        requireVisible(id);
        views.clearDefault(currentUser.id(), id);
    }

    private SavedView requireVisible(UUID id) {
        return views.findVisible(id, currentUser.id(), openLists()).orElseThrow(() -> ProblemException.notFound("View " + id));
    }

    private SavedView requireOwn(UUID id) {
        SavedView view = requireVisible(id);
        if (!view.ownerId.equals(currentUser.id())) {
            throw ProblemException.forbidden("Only the person who saved a shared view changes or deletes it; save a copy of your own");
        }
        return view;
    }

    private SavedViewList requireOpen(SavedViewList list) {
        if (!list.openTo(currentUser)) {
            throw ProblemException.forbidden("Your role does not work with the " + list.name().toLowerCase() + " list");
        }
        return list;
    }

    private Set<SavedViewList> openLists() {
        return Arrays.stream(SavedViewList.values()).filter(list -> list.openTo(currentUser)).collect(Collectors.toSet());
    }

    private void apply(SavedViewRequest request, SavedView view) {
        boolean shared = Boolean.TRUE.equals(request.shared());
        if (shared && !currentUser.isManagerOrAdmin()) {
            throw ProblemException.forbidden("Only managers and admins share views with the team");
        }
        String name = request.name().trim();
        if (views.nameTaken(view.ownerId, view.viewList, name, view.id)) {
            throw ProblemException.conflict("You already have a view of this list with this name");
        }
        view.name = name;
        view.query = validQuery(view.viewList, request.query());
        view.shared = shared;
    }

    /** The query if every key is a parameter of the list and every value list is within bounds. */
    static Map<String, List<String>> validQuery(SavedViewList list, Map<String, List<String>> query) {
        if (query.size() > MAX_KEYS) {
            throw ProblemException.invalidField("query", "must have at most " + MAX_KEYS + " parameters");
        }
        Map<String, List<String>> valid = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            String key = entry.getKey();
            if (!list.parameters.contains(key)) {
                throw ProblemException.invalidField("query", "the " + list.name() + " list has no parameter by that name; it takes "
                        + String.join(", ", list.parameters.stream().sorted().toList()));
            }
            List<String> values = entry.getValue();
            if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
                throw ProblemException.invalidField("query." + key, "must have 1 to " + MAX_VALUES + " values");
            }
            for (String value : values) {
                if (value == null || value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
                    throw ProblemException.invalidField("query." + key, "values must be 1 to " + MAX_VALUE_LENGTH + " characters");
                }
            }
            valid.put(key, List.copyOf(values));
        }
        return valid;
    }

    private List<SavedViewResponse> toResponses(List<SavedView> found) {
        UUID me = currentUser.id();
        Set<UUID> defaults = found.isEmpty() ? Set.of() : views.defaultsOf(me);
        Map<UUID, String> owners = users.displayNames(found.stream().map(v -> v.ownerId).collect(Collectors.toSet()));
        return found.stream().map(v -> new SavedViewResponse(v.id, v.viewList, v.name, v.query, v.shared, v.ownerId.equals(me),
                owners.get(v.ownerId), defaults.contains(v.id), v.version, v.createdAt, v.updatedAt)).toList();
    }
}
