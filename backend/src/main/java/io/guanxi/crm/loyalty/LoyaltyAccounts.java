package io.guanxi.crm.loyalty;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.loyalty.api.AdjustmentRequest;
import io.guanxi.crm.loyalty.api.PointsAccountResponse;
import io.guanxi.crm.loyalty.api.PointsEntryResponse;
import io.guanxi.crm.loyalty.api.PointsLiability;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.idempotency.Idempotency;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.user.UserService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** A customer's points as people see them: the account, its statement, managers' adjustments, and finance's liability. */
@ApplicationScoped
public class LoyaltyAccounts {

    @Inject
    LoyaltyAccountRepository repository;

    @Inject
    UserService users;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsEarning earning;

    @Inject
    LoyaltyPolicies policies;

    @Inject
    ContactService contacts;

    @Inject
    CurrentUser currentUser;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @Transactional
    public PointsAccountResponse account(UUID contactId) {
        contacts.requireVisibleContact(contactId);
        LoyaltyPolicy policy = policies.current();
        Instant now = clock.instant();
        Instant soon = now.plus(Duration.ofDays(policy.expiringSoonDays));
        LoyaltyAccountRepository.AccountFigures f = repository.figures(contactId, soon);
        return new PointsAccountResponse(contactId, f.balance(), f.pending(), f.nextAvailableAt(), f.expiringSoon(), policy.expiringSoonDays,
                f.nextExpiryAt(), f.level(), policy.multiplier(f.level()), f.earned(), f.redeemed(), f.writtenOff(), f.debt(),
                value(f.balance(), policy));
    }

    @Transactional
    public PageResponse<PointsEntryResponse> statement(UUID contactId, Integer page, Integer size) {
        contacts.requireVisibleContact(contactId);
        PageRequest paging = PageRequest.of(page, size, null, Map.of("createdAt", "e.id"), "createdAt,desc");
        long total = repository.countEntries(contactId);
        List<LoyaltyAccountRepository.EntryRow> rows = total == 0 ? List.of() : repository.entries(contactId, paging.size(), paging.offset());
        // Who made an entry, by the user feature's published names.
        Map<UUID, String> actors = users.displayNames(rows.stream().map(LoyaltyAccountRepository.EntryRow::actorId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<PointsEntryResponse> items = rows.stream().map(r -> new PointsEntryResponse(r.id(), r.kind(), r.points(), r.balanceAfter(),
                r.shortfall(), r.cause(), r.purchaseId(), r.refundId(), r.redemptionId(), r.rewardName(), r.redemptionState(),
                r.referredContactId(), r.reason(), r.actorId(), r.actorId() == null ? null : actors.get(r.actorId()), r.expiresAt(),
                r.createdAt())).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    /** A manager's correction with a mandatory reason; a deduction beyond the balance is a 409 and writes nothing. */
    @Transactional
    public Idempotency.Outcome adjust(UUID contactId, AdjustmentRequest request, String key) {
        return idempotency.once(currentUser.id(), key, "points-adjustment:" + contactId, request, () -> {
            contacts.requireContactForWriting(contactId);
            if (request.points() == 0) {
                throw ProblemException.invalidField("points", "must not be 0");
            }
            LoyaltyPolicy policy = policies.current();
            if (policy.membersOnly && request.points() > 0 && earning.levelOf(contactId) == null) {
                throw ProblemException.invalidField("contactId", "is not a member; the policy gives points to members only");
            }
            Instant now = clock.instant();
            PointsLedger.Refs refs = PointsLedger.Refs.actor(currentUser.id(), request.reason().trim());
            if (request.points() > 0) {
                ledger.credit(contactId, EntryKind.ADJUST, request.points(), "MANAGER_ADJUSTMENT", refs, now,
                        policy.expiryOf(now, policies.zone()));
            } else {
                ledger.debit(contactId, EntryKind.ADJUST, -(long) request.points(), "MANAGER_ADJUSTMENT", refs, now, null, false);
            }
            return Idempotency.Outcome.of(201, account(contactId), null);
        });
    }

    /** Points given to make up for a complaint (the complaint's resolution decides; the caller checked who may). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void compensate(UUID contactId, long points, String reason, UUID actor) {
        LoyaltyPolicy policy = policies.current();
        if (policy.membersOnly && earning.levelOf(contactId) == null) {
            throw ProblemException.invalidField("compensationPoints", "the customer is not a member; the policy gives points to members only");
        }
        Instant now = clock.instant();
        ledger.credit(contactId, EntryKind.ADJUST, points, "COMPLAINT_COMPENSATION", PointsLedger.Refs.actor(actor, reason), now,
                policy.expiryOf(now, policies.zone()));
    }

    @Transactional
    public PointsLiability liability() {
        LoyaltyPolicy policy = policies.current();
        Instant now = clock.instant();
        Map<String, LoyaltyAccountRepository.LiabilityRow> byName = repository.liabilityByLevel(now.plus(Duration.ofDays(policy.expiringSoonDays)))
                .stream().collect(Collectors.toMap(LoyaltyAccountRepository.LiabilityRow::level, r -> r));
        List<PointsLiability.Row> byLevel = new ArrayList<>();
        for (String level : List.of("SILVER", "GOLD", "PLATINUM", "NONE")) {
            // A level with no holders has no row: all its sums are 0.
            LoyaltyAccountRepository.LiabilityRow r = byName.getOrDefault(level, new LoyaltyAccountRepository.LiabilityRow(level, 0, 0, 0, 0, 0));
            byLevel.add(new PointsLiability.Row(level, r.accounts(), r.points(), value(r.points(), policy), r.pending(), r.expiringSoon(),
                    r.writtenOff()));
        }
        long points = byLevel.stream().mapToLong(PointsLiability.Row::points).sum();
        PointsLiability.Row total = new PointsLiability.Row("ALL", byLevel.stream().mapToLong(PointsLiability.Row::accounts).sum(),
                points, value(points, policy), byLevel.stream().mapToLong(PointsLiability.Row::pending).sum(),
                byLevel.stream().mapToLong(PointsLiability.Row::expiringSoon).sum(),
                byLevel.stream().mapToLong(PointsLiability.Row::writtenOff).sum());
        return new PointsLiability(now, policy.pointValueCny, byLevel, total);
    }

    private static BigDecimal value(long points, LoyaltyPolicy policy) {
        return policy.pointValueCny.multiply(BigDecimal.valueOf(points)).setScale(2, RoundingMode.HALF_UP);
    }
}
