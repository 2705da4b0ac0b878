package io.guanxi.crm.contact;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.privacy.PersonalRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One customer's profile and lifecycle history, for rights requests (issue 19), and its anonymisation. */
@ApplicationScoped
public class ContactPersonalDataRepository {

    @Inject
    EntityManager em;

    /**
     * The contacts that are one person by merges in force: the survivor at the top of the contact's merges and every
     * contact merged into it, directly or through an earlier merge; the top survivor first. Only the contact itself
     * when it took part in no merge (or does not exist).
     */
    List<UUID> samePerson(UUID contactId) {
        List<UUID> ids = Rows.list(em.createNativeQuery("""
                WITH RECURSIVE up AS (SELECT c.id, c.merged_into_id FROM contact c WHERE c.id = :contact
                                      UNION SELECT c.id, c.merged_into_id FROM contact c JOIN up ON c.id = up.merged_into_id),
                     down AS (SELECT up.id, 0 AS depth FROM up WHERE up.merged_into_id IS NULL
                              UNION SELECT c.id, down.depth + 1 FROM contact c JOIN down ON c.merged_into_id = down.id)
                SELECT down.id AS id FROM down ORDER BY down.depth, down.id""", Tuple.class)
                .setParameter("contact", contactId)).stream().map(row -> Rows.uuid(row, "id")).distinct().toList();
        return ids.isEmpty() ? List.of(contactId) : ids;
    }

    /** The profile row (every column but the search keys derived from the name) with its stage history. */
    List<Map<String, Object>> export(UUID contactId) {
        return PersonalRows.of(Rows.list(em.createNativeQuery("""
                SELECT CAST((to_jsonb(c) - 'name_pinyin' - 'name_initials') || jsonb_build_object('stage_history',
                       (SELECT coalesce(jsonb_agg(to_jsonb(h) - 'id' ORDER BY h.changed_at, h.id), CAST('[]' AS jsonb))
                        FROM contact_stage_history h WHERE h.contact_id = c.id)) AS text) AS row
                FROM contact c WHERE c.id = :contact""", Tuple.class)
                .setParameter("contact", contactId)));
    }

    /**
     * Erases who the person is: name (and its pinyin and initials, which search reads), mobile, email and WeChat id
     * (which search and the duplicate check read), company, city, birthday, tags, hidden needs and personality.
     * Region, industry, source, stage, owner and dates stay: the analytics count them. Once only: the marker
     * {@code anonymised_at} is set, and an anonymised profile is not changed again.
     */
    int anonymise(UUID contactId, Instant at) {
        int changed = em.createNativeQuery("""
                UPDATE contact SET name = '', name_pinyin = '', name_initials = '', mobile = NULL, email = NULL, wechat_id = NULL,
                       company = NULL, city = NULL, birthday = NULL, birth_month_day = NULL, tags = CAST('{}' AS text[]),
                       hidden_needs = NULL, personality_type = NULL, preferred_channel = NULL, marketing_consent = false,
                       anonymised_at = :at, updated_at = :at, version = version + 1
                WHERE id = :contact AND anonymised_at IS NULL""")
                .setParameter("contact", contactId).setParameter("at", at).executeUpdate();
        if (changed > 0) {
            em.createNativeQuery("UPDATE contact SET completeness = " + Completeness.sqlExpression() + " WHERE id = :contact")
                    .setParameter("contact", contactId).executeUpdate();
        }
        return changed;
    }
}
