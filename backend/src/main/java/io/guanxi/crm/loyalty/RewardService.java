package io.guanxi.crm.loyalty;

import io.guanxi.crm.loyalty.api.RewardRequest;
import io.guanxi.crm.loyalty.api.RewardResponse;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.http.IfMatch;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The rewards catalog (managers and admins keep it; everyone who redeems reads it). */
@ApplicationScoped
public class RewardService {

    @Inject
    RewardRepository repository;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Transactional
    public PageResponse<RewardResponse> list(Boolean availableOnly, boolean includeArchived, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, RewardRepository.SORTABLE, "pointsCost,asc");
        Instant now = clock.instant();
        long total = repository.count(availableOnly, includeArchived, now);
        List<RewardResponse> items = repository.page(availableOnly, includeArchived, now, paging).stream().map(r -> toResponse(r, now))
                .toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    @Transactional
    public RewardResponse get(UUID id) {
        return toResponse(require(id), clock.instant());
    }

    @Transactional
    public RewardResponse create(RewardRequest request) {
        validate(request);
        Reward reward = new Reward();
        reward.id = Ids.newId();
        reward.createdAt = clock.instant();
        reward.createdBy = currentUser.id();
        apply(request, reward);
        repository.persist(reward);
        return toResponse(reward, reward.createdAt);
    }

    /**
     * A full replacement, If-Match required (the one concurrency rule: JPA {@code @Version}). A redemption that moved the
     * stock since the version named bumped it too, so the edit is a 412 and never writes back an old stock; one that
     * commits between this read and the write makes the versioned UPDATE match nothing, which is a 412 as well.
     */
    @Transactional
    public RewardResponse update(UUID id, String ifMatch, RewardRequest request) {
        long expected = IfMatch.requiredVersion(ifMatch);
        validate(request);
        Reward reward = require(id);
        if (reward.version != expected) {
            throw IfMatch.stale();
        }
        apply(request, reward);
        repository.flush();
        return toResponse(reward, reward.updatedAt);
    }

    /** Archived rewards leave the catalog; past redemptions keep pointing at them. */
    @Transactional
    public RewardResponse archive(UUID id, boolean archived) {
        // Locked for the toggle (an implementation detail): a redemption committing meanwhile waits instead of making it fail.
        Reward reward = repository.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (reward == null) {
            throw ProblemException.notFound("Reward " + id);
        }
        if (reward.archived != archived) {
            reward.archived = archived;
            reward.updatedAt = clock.instant();
            repository.flush();
        }
        return toResponse(reward, reward.updatedAt);
    }

    Reward require(UUID id) {
        Reward reward = repository.findById(id);
        if (reward == null) {
            throw ProblemException.notFound("Reward " + id);
        }
        return reward;
    }

    private void apply(RewardRequest request, Reward reward) {
        reward.name = request.name().trim();
        reward.description = request.description();
        reward.kind = request.kind();
        reward.pointsCost = request.pointsCost();
        reward.stock = request.stock();
        reward.activeFrom = request.activeFrom();
        reward.activeUntil = request.activeUntil();
        reward.levelRequired = request.levelRequired();
        reward.updatedAt = clock.instant();
    }

    private static void validate(RewardRequest request) {
        if (request.activeFrom() != null && request.activeUntil() != null && !request.activeUntil().isAfter(request.activeFrom())) {
            throw ProblemException.invalidField("activeUntil", "must be after activeFrom");
        }
    }

    static RewardResponse toResponse(Reward r, Instant now) {
        boolean available = !r.archived && r.inWindow(now) && (r.stock == null || r.stock > 0);
        return new RewardResponse(r.id, r.name, r.description, r.kind, r.pointsCost, r.stock, r.activeFrom, r.activeUntil,
                r.levelRequired, r.archived, available, r.version, r.createdAt, r.updatedAt);
    }
}
