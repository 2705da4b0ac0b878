package io.guanxi.crm.purchase;

import io.guanxi.crm.contact.ContactService;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.FieldError;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import io.guanxi.crm.platform.idempotency.Idempotency;
import io.guanxi.crm.platform.paging.PageRequest;
import io.guanxi.crm.platform.paging.PageResponse;
import io.guanxi.crm.platform.security.CurrentUser;
import io.guanxi.crm.platform.security.Role;
import io.guanxi.crm.platform.visibility.Visibility;
import io.guanxi.crm.purchase.api.PurchaseRequest;
import io.guanxi.crm.purchase.api.PurchaseResponse;
import io.guanxi.crm.purchase.api.RefundRequest;
import io.guanxi.crm.purchase.api.RefundResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sales and refunds. Reps record sales of their own customers, managers of anyone's, integrators
 * (a shop, a POS) of any customer by id or mobile. A sale is unique per external order id, a retry
 * with the same Idempotency-Key replays the first answer, and refunds can never exceed what was paid.
 */
@ApplicationScoped
public class PurchaseService {

    public static final Map<String, String> SORTABLE = Map.of("occurredAt", "p.occurred_at", "amount", "p.amount");

    @Inject
    PurchaseRepository purchases;

    @Inject
    PurchaseMapper mapper;

    @Inject
    ContactService contacts;

    @Inject
    Visibility visibility;

    @Inject
    CurrentUser currentUser;

    @Inject
    Idempotency idempotency;

    @Inject
    Event<PurchaseRecorded> recorded;

    @Inject
    Clock clock;

    @Transactional
    public Idempotency.Outcome record(PurchaseRequest request, String idempotencyKey, Function<UUID, URI> location) {
        return idempotency.once(currentUser.id(), idempotencyKey, "purchase", request, () -> {
            UUID contactId = customerOf(request);
            validateItems(request);
            if (request.externalOrderId() != null) {
                Purchase existing = purchases.findByExternalOrder(request.externalOrderId()).orElse(null);
                if (existing != null) {
                    return sameOrder(existing, contactId, request);
                }
            }
            Purchase purchase = new Purchase();
            purchase.id = Ids.newId();
            purchase.contactId = contactId;
            purchase.amount = request.amount();
            purchase.channel = request.channel();
            purchase.items = request.items() == null ? List.of() : List.copyOf(request.items());
            purchase.externalOrderId = request.externalOrderId();
            purchase.occurredAt = request.occurredAt();
            purchase.recordedBy = currentUser.id();
            purchase.createdAt = clock.instant();
            purchases.persist(purchase);
            contacts.markPurchased(contactId, currentUser.id(), "PURCHASE_RECORDED");
            recorded.fire(new PurchaseRecorded(contactId, purchase.id, purchase.amount, null));
            return Idempotency.Outcome.of(201, toResponse(purchase), location.apply(purchase.id));
        });
    }

    @Transactional
    public Idempotency.Outcome refund(UUID purchaseId, RefundRequest request, String idempotencyKey, Function<UUID, URI> location) {
        return idempotency.once(currentUser.id(), idempotencyKey, "refund:" + purchaseId, request, () -> {
            Purchase purchase = requireForWrite(purchaseId);
            if (!purchases.addRefunded(purchase, request.amount())) {
                BigDecimal left = purchase.amount.subtract(purchase.refundedAmount);
                throw new ProblemException(422, ProblemTypes.REFUND_EXCEEDS_PAYMENT, "Refund exceeds payment",
                        "At most " + left.toPlainString() + " CNY of this purchase can still be refunded",
                        List.of(new FieldError("amount", "must be at most " + left.toPlainString())),
                        Map.of("refundable", left));
            }
            Refund refund = new Refund();
            refund.id = Ids.newId();
            refund.purchaseId = purchaseId;
            refund.amount = request.amount();
            refund.reason = request.reason();
            Instant now = clock.instant();
            refund.occurredAt = request.occurredAt() == null ? now : request.occurredAt();
            refund.recordedBy = currentUser.id();
            refund.createdAt = now;
            purchases.persist(refund);
            recorded.fire(new PurchaseRecorded(purchase.contactId, purchaseId, request.amount().negate(), refund.id));
            return Idempotency.Outcome.of(201, mapper.toResponse(refund), location.apply(refund.id));
        });
    }

    @Transactional
    public PurchaseResponse get(UUID id) {
        return toResponse(requireVisible(id));
    }

    @Transactional
    public PageResponse<PurchaseResponse> list(UUID contactId, Integer page, Integer size, String sort) {
        PageRequest paging = PageRequest.of(page, size, sort, SORTABLE, "occurredAt,desc");
        PurchaseRepository.Page found = purchases.listVisible(contactId, paging);
        return new PageResponse<>(toResponses(found.items()), paging.page(), paging.size(), found.total());
    }

    private Idempotency.Outcome sameOrder(Purchase existing, UUID contactId, PurchaseRequest request) {
        boolean same = existing.contactId.equals(contactId) && existing.amount.compareTo(request.amount()) == 0
                && existing.channel == request.channel() && existing.occurredAt.equals(request.occurredAt());
        if (!same) {
            throw new ProblemException(409, ProblemTypes.DUPLICATE_ORDER, "Order already recorded",
                    "Order " + request.externalOrderId() + " was recorded before with other details", List.of(),
                    Map.of("existingId", existing.id));
        }
        return Idempotency.Outcome.of(200, toResponse(existing), null);
    }

    /** The customer of a sale: an integrator names anyone by id or mobile; people name a contact they may see. */
    private UUID customerOf(PurchaseRequest request) {
        if (currentUser.has(Role.INTEGRATOR)) {
            return contacts.resolveForIntegration(request.contactId(), request.contactMobile());
        }
        if (request.contactMobile() != null) {
            throw ProblemException.invalidField("contactMobile", "is for integrators; give contactId");
        }
        if (request.contactId() == null) {
            throw ProblemException.invalidField("contactId", "is required");
        }
        contacts.requireContactForWriting(request.contactId());
        return request.contactId();
    }

    private static void validateItems(PurchaseRequest request) {
        if (request.items() == null || request.items().isEmpty()) {
            return;
        }
        BigDecimal sum = request.items().stream().map(i -> i.price().multiply(BigDecimal.valueOf(i.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(request.amount()) != 0) {
            throw ProblemException.invalidField("items", "quantity × price adds up to " + sum.toPlainString()
                    + ", not the amount " + request.amount().toPlainString());
        }
    }

    /** A purchase is visible with its customer. */
    private Purchase requireVisible(UUID id) {
        Purchase purchase = purchases.find(id).orElse(null);
        if (purchase == null || !visibility.contactVisible(purchase.contactId)) {
            throw ProblemException.notFound("Purchase " + id);
        }
        return purchase;
    }

    /**
     * Refunds: an integrator refunds the sales it recorded (a shop refunds its own orders, never a rep's),
     * people the purchases they may see (agents read only).
     */
    private Purchase requireForWrite(UUID id) {
        if (currentUser.has(Role.INTEGRATOR)) {
            Purchase purchase = purchases.find(id).orElse(null);
            if (purchase == null || !visibility.madeOrAboutVisibleContact(purchase.contactId, purchase.recordedBy)) {
                throw ProblemException.notFound("Purchase " + id);
            }
            return purchase;
        }
        return requireVisible(id);
    }

    private PurchaseResponse toResponse(Purchase p) {
        return toResponses(List.of(p)).get(0);
    }

    private List<PurchaseResponse> toResponses(List<Purchase> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = items.stream().map(p -> p.id).toList();
        Map<UUID, List<RefundResponse>> refunds = purchases.refundsOf(ids).stream().map(mapper::toResponse)
                .collect(Collectors.groupingBy(RefundResponse::purchaseId));
        // An integrator (a shop, a POS) gets ids, amounts and status, never the customer's personal data:
        // a sale posted by mobile number must not tell it whose number that is.
        Map<UUID, String> names = currentUser.has(Role.INTEGRATOR) ? Map.of()
                : contacts.names(items.stream().map(p -> p.contactId).filter(Objects::nonNull).collect(Collectors.toSet()));
        return items.stream().map(p -> mapper.toResponse(p, names.get(p.contactId), refunds.getOrDefault(p.id, List.of())))
                .toList();
    }
}
