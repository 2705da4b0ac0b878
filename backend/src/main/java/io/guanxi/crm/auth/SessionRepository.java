package io.guanxi.crm.auth;

import io.guanxi.crm.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every query on web sessions and their refresh tokens. */
@ApplicationScoped
public class SessionRepository {

    @Inject
    EntityManager em;

    public record Page(List<AuthSession> items, long total) {
    }

    void persist(AuthSession session) {
        em.persist(session);
    }

    void persist(RefreshToken token) {
        em.persist(token);
    }

    Optional<AuthSession> find(UUID id) {
        return Optional.ofNullable(em.find(AuthSession.class, id));
    }

    /** Locked until the transaction ends: a refresh, a sign-out and a revocation of one session run one at a time. */
    Optional<AuthSession> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(AuthSession.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    Optional<RefreshToken> findToken(String hash) {
        return Optional.ofNullable(em.find(RefreshToken.class, hash));
    }

    Optional<RefreshToken> findTokenForUpdate(String hash) {
        return Optional.ofNullable(em.find(RefreshToken.class, hash, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The user's sessions neither revoked, expired nor idle since {@code activeSince}. */
    Page live(UUID userId, Instant now, Instant activeSince, PageRequest paging) {
        String where = " where s.userId = :user and s.revokedAt is null and s.expiresAt > :now and s.lastUsedAt > :since";
        long total = em.createQuery("select count(s) from AuthSession s" + where, Long.class)
                .setParameter("user", userId).setParameter("now", now).setParameter("since", activeSince).getSingleResult();
        List<AuthSession> items = em.createQuery("select s from AuthSession s" + where + " order by " + paging.orderBySql()
                        + ", s.id", AuthSession.class)
                .setParameter("user", userId).setParameter("now", now).setParameter("since", activeSince)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        return new Page(items, total);
    }

    List<AuthSession> unrevokedOf(UUID userId) {
        return em.createQuery("from AuthSession s where s.userId = :user and s.revokedAt is null", AuthSession.class)
                .setParameter("user", userId).getResultList();
    }

    /** Deletes sessions (their tokens follow by cascade) that ended before these times; returns how many. */
    long deleteEnded(Instant cutoff, Instant idleCutoff) {
        return em.createQuery("delete from AuthSession s where s.expiresAt < :cutoff or s.revokedAt < :cutoff"
                        + " or s.lastUsedAt < :idle")
                .setParameter("cutoff", cutoff).setParameter("idle", idleCutoff).executeUpdate();
    }
}
