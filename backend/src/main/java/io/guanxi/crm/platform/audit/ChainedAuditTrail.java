package io.guanxi.crm.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guanxi.crm.platform.config.GuanxiConfig;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.security.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail: entries of a transaction are buffered and appended when it commits (a JTA
 * synchronization's beforeCompletion), under one advisory lock that orders the chain: read the last hash,
 * insert, commit. Business work runs in parallel; only the few milliseconds of appending and committing
 * are serialised. A rolled-back transaction never reaches beforeCompletion and leaves no entry. A call
 * outside a transaction (a streamed export) is appended in a transaction of its own.
 */
@ApplicationScoped
public class ChainedAuditTrail implements AuditTrail {

    private static final Object PENDING = ChainedAuditTrail.class;

    @Inject
    AuditRepository repository;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    GuanxiConfig config;

    @Inject
    AccessAppender accessAppender;

    @Override
    public void record(AuditAction action, String entityType, UUID entityId, UUID contactId, List<FieldChange> changes) {
        if (!config.audit().enabled()) {
            return;
        }
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            QuarkusTransaction.requiringNew().run(() -> record(action, entityType, entityId, contactId, changes));
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // a transaction bound to roll back: what it did never happened
        }
        AuditHash.Fields entry = entry(action, entityType, entityId, contactId, changes);
        @SuppressWarnings("unchecked")
        List<AuditHash.Fields> pending = (List<AuditHash.Fields>) transactions.getResource(PENDING);
        if (pending == null) {
            // The persistence context joins now: it cannot register itself once the transaction is completing.
            repository.joinTransaction();
            List<AuditHash.Fields> buffer = new ArrayList<>();
            transactions.putResource(PENDING, buffer);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    append(buffer);
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing kept beyond the transaction
                }
            });
            pending = buffer;
        }
        pending.add(entry);
    }

    @Override
    public void recordAccess(AuditAction action, String entityType, UUID entityId, UUID contactId) {
        if (config.audit().enabled()) {
            accessAppender.append(entry(action, entityType, entityId, contactId, List.of()));
        }
    }

    private void append(List<AuditHash.Fields> entries) {
        if (!entries.isEmpty()) {
            repository.appendToChain(entries);
        }
    }

    private AuditHash.Fields entry(AuditAction action, String entityType, UUID entityId, UUID contactId, List<FieldChange> changes) {
        UUID userId = null;
        String username = null;
        if (Arc.container().requestContext().isActive()) {
            CurrentUser user = Arc.container().instance(CurrentUser.class).get();
            try {
                userId = user.id();
                username = user.username();
            } catch (UnauthorizedException anonymous) {
                // a public endpoint: recorded without a user
            }
        }
        RequestOrigin.Origin origin = RequestOrigin.current();
        String changesJson;
        try {
            changesJson = json.writeValueAsString(changes == null ? List.of() : changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("field changes are plain strings", e);
        }
        return new AuditHash.Fields(Ids.newId(), clock.instant().truncatedTo(ChronoUnit.MICROS), userId, username, action.name(),
                entityType, entityId, contactId, changesJson, origin.clientAddress(), origin.requestId());
    }
}
