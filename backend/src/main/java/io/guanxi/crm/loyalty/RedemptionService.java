package io.guanxi.crm.loyalty;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.loyalty.api.CancelRedemptionRequest;
import io.guanxi.crm.loyalty.api.RedemptionRequest;
import io.guanxi.crm.loyalty.api.RedemptionResponse;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.idempotency.Idempotency;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.tier.MembershipLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Spending points on a reward. One transaction: the account row is locked and the balance checked,
 * the stock taken with a conditional update, the points taken from the lots that expire first. Any
 * failure (too few points, no stock, not yet in the window, level too low) is a problem and writes
 * nothing; a retried request with the same Idempotency-Key answers the first response.
 */
@ApplicationScoped
public class RedemptionService {

    @Inject
    RedemptionRepository repository;

    @Inject
    RewardRepository rewards;

    @Inject
    PointsLedger ledger;

    @Inject
    PointsEarning earning;

    @Inject
    ContactService contacts;

    @Inject
    Visibility visibility;

    @Inject
    CurrentUser currentUser;

    @Inject
    Idempotency idempotency;

    @Inject
    Clock clock;

    @Transactional
    public Idempotency.Outcome redeem(RedemptionRequest request, String key, Function<UUID, URI> location) {
        return idempotency.once(currentUser.id(), key, "redemption", request, () -> {
            requireActingOn(request.contactId());
            Instant now = clock.instant();
            Reward reward = rewards.findById(request.rewardId());
            if (reward == null) {
                throw ProblemException.notFound("Reward " + request.rewardId());
            }
            if (reward.archived || !reward.inWindow(now)) {
                throw unavailable("This reward cannot be redeemed now (archived or outside its active window)", Map.of());
            }
            MembershipLevel level = earning.levelOf(request.contactId());
            if (reward.levelRequired != null && (level == null || level.compareTo(reward.levelRequired) < 0)) {
                throw unavailable("This reward needs membership level " + reward.levelRequired + "; the customer is "
                        + (level == null ? "not a member" : level), Map.of("levelRequired", reward.levelRequired));
            }
            int quantity = request.quantity() == null ? 1 : request.quantity();
            long cost = (long) reward.pointsCost * quantity;
            UUID redemptionId = Ids.newId();
            String contactName = contacts.names(List.of(request.contactId())).get(request.contactId());
            // Account first, then stock: every writer locks in this order. Nothing after this needs more than a write.
            PointsLedger.Debit debit = ledger.debit(request.contactId(), EntryKind.REDEEM, cost, "REDEMPTION",
                    new PointsLedger.Refs(null, null, redemptionId, null, null, currentUser.id()), now, null, false);
            if (reward.stock != null && !rewards.takeStock(reward.id, quantity, now)) {
                long left = rewards.stockLeft(reward.id);
                throw new ProblemException(409, ProblemTypes.OUT_OF_STOCK, "Out of stock",
                        "Only " + left + " of this reward left; " + quantity + " asked for", List.of(), Map.of("stock", left));
            }
            Redemption redemption = new Redemption();
            redemption.id = redemptionId;
            redemption.contactId = request.contactId();
            redemption.rewardId = reward.id;
            redemption.quantity = quantity;
            redemption.points = cost;
            redemption.state = "COMPLETED";
            redemption.entryId = debit.entryId();
            redemption.createdBy = currentUser.id();
            redemption.createdAt = now;
            repository.persist(redemption);
            return Idempotency.Outcome.of(201, toResponse(redemption, contactName, reward.name, debit.balanceAfter()),
                    location.apply(redemptionId));
        });
    }

    /** Gives back the points (to the lots they came from) and the stock; a second cancel is a 409. */
    @Transactional
    public RedemptionResponse cancel(UUID id, CancelRedemptionRequest request) {
        Redemption redemption = requireVisible(id);
        Instant now = clock.instant();
        ledger.lock(redemption.contactId, now);
        if (!repository.markCancelled(id, currentUser.id(), request.reason(), now)) {
            throw ProblemException.conflict("This redemption was already cancelled");
        }
        PointsLedger.Credit credit = ledger.restore(redemption.contactId, redemption.entryId, "REDEMPTION_CANCELLED",
                new PointsLedger.Refs(null, null, id, null, request.reason(), currentUser.id()), now);
        rewards.giveBackStock(redemption.rewardId, redemption.quantity, now);
        repository.setCancelEntry(id, credit.entryId());
        repository.refresh(redemption);
        return toResponse(redemption, contactName(redemption.contactId), rewardName(redemption.rewardId), credit.balanceAfter());
    }

    @Transactional
    public RedemptionResponse get(UUID id) {
        Redemption redemption = requireVisible(id);
        return toResponse(redemption, contactName(redemption.contactId), rewardName(redemption.rewardId),
                repository.balanceAfter(redemption.entryId));
    }

    @Transactional
    public PageResponse<RedemptionResponse> list(UUID contactId, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, null, Map.of("createdAt", "createdAt"), "createdAt,desc");
        boolean integrator = currentUser.has(Role.INTEGRATOR);
        if (contactId == null && !integrator && !visibility.seesAllCustomers()) {
            throw ProblemException.invalidField("contactId", "is required (a rep lists one customer's redemptions)");
        }
        if (contactId != null && !integrator) {
            contacts.requireVisibleContact(contactId);
        }
        // An integrator lists the redemptions it made; people those of customers they may see.
        Visibility.Predicate visible = visibility.madeOrAboutVisibleContactJpql("r.contactId", "r.createdBy");
        long total = repository.count(visible, contactId);
        List<Redemption> rows = repository.page(visible, contactId, paging.offset(), paging.size());
        if (rows.isEmpty()) {
            return new PageResponse<>(List.of(), paging.page(), paging.size(), total);
        }
        // Names and balances for the whole page in three queries, not three per row.
        Map<UUID, String> contactNames = contacts.names(rows.stream().map(r -> r.contactId).collect(Collectors.toSet()));
        Map<UUID, String> rewardNames = rewards.names(rows.stream().map(r -> r.rewardId).collect(Collectors.toSet()));
        Map<Long, Long> balances = repository.balancesAfter(rows.stream().map(r -> r.entryId).toList());
        List<RedemptionResponse> items = rows.stream()
                .map(r -> toResponse(r, contactNames.get(r.contactId), rewardNames.get(r.rewardId), balances.get(r.entryId))).toList();
        return new PageResponse<>(items, paging.page(), paging.size(), total);
    }

    /** Integrators (a member app) redeem for any existing customer; people for customers they may see. */
    private void requireActingOn(UUID contactId) {
        if (currentUser.has(Role.INTEGRATOR)) {
            contacts.resolveForIntegration(contactId, null);
        } else {
            contacts.requireContactForWriting(contactId);
        }
    }

    private Redemption requireVisible(UUID id) {
        Redemption redemption = repository.findById(id);
        if (redemption == null || !visibility.madeOrAboutVisibleContact(redemption.contactId, redemption.createdBy)) {
            throw ProblemException.notFound("Redemption " + id);
        }
        return redemption;
    }

    private String rewardName(UUID rewardId) {
        return rewards.findById(rewardId).name;
    }

    private static ProblemException unavailable(String detail, Map<String, Object> extensions) {
        return new ProblemException(422, ProblemTypes.REWARD_UNAVAILABLE, "Reward unavailable", detail, List.of(), extensions);
    }

    private String contactName(UUID contactId) {
        return contacts.names(List.of(contactId)).get(contactId);
    }

    private RedemptionResponse toResponse(Redemption r, String contactName, String rewardName, long balanceAfter) {
        return new RedemptionResponse(r.id, r.contactId, contactName, r.rewardId, rewardName, r.quantity, r.points, r.state,
                balanceAfter, r.createdBy, r.createdAt, r.cancelReason, r.cancelledBy, r.cancelledAt);
    }
}
