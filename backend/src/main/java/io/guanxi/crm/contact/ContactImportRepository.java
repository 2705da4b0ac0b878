package io.guanxi.crm.contact;

import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.visibility.Unscoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Set-based reads and writes of contacts for imports (ContactImportWriter is its only caller). */
@ApplicationScoped
public class ContactImportRepository {

    @Inject
    EntityManager em;

    /** A contact an imported row may be the same person as. */
    record Candidate(UUID id, UUID ownerId, String name, String mobile, String email, String namePinyin, String company,
            boolean archived) {
    }

    @Unscoped("Duplicates of imported rows are found team-wide; the writer tells the caller only what it may see")
    List<Candidate> candidates(Collection<String> mobiles, Collection<String> emails, Collection<String> pinyins) {
        return Rows.list(em.createNativeQuery("""
                SELECT c.id AS id, c.owner_id AS owner_id, c.name AS name, c.mobile AS mobile, c.email AS email,
                       c.name_pinyin AS name_pinyin, c.company AS company, c.archived_at IS NOT NULL AS archived
                FROM contact c
                WHERE c.anonymised_at IS NULL AND c.merged_into_id IS NULL
                  AND (c.mobile = ANY (CAST(:mobiles AS text[])) OR c.email = ANY (CAST(:emails AS text[]))
                       OR c.name_pinyin = ANY (CAST(:pinyins AS text[])))
                ORDER BY c.created_at, c.id""", Tuple.class)
                .setParameter("mobiles", mobiles.toArray(String[]::new))
                .setParameter("emails", emails.toArray(String[]::new))
                .setParameter("pinyins", pinyins.toArray(String[]::new)))
                .stream().map(r -> new Candidate(Rows.uuid(r, "id"), Rows.uuid(r, "owner_id"), Rows.string(r, "name"),
                        Rows.string(r, "mobile"), Rows.string(r, "email"), Rows.string(r, "name_pinyin"), Rows.string(r, "company"),
                        Boolean.TRUE.equals(Rows.bool(r, "archived"))))
                .toList();
    }

    /** Inserts new contacts (POTENTIAL, not archived) and their CREATED stage, in one statement each. */
    @Unscoped("Writes contacts an import already validated, owned by the importer or the owner a manager chose")
    void insert(List<Contact> contacts, UUID actor, Instant at) {
        if (contacts.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO contact (id, name, name_pinyin, name_initials, mobile, email, wechat_id, company, industry, region, city,
                                     birthday, birth_month_day, source_channel, tags, hidden_needs, lifecycle_stage, owner_id,
                                     marketing_consent, completeness, created_at, updated_at, version)
                SELECT r.id, r.name, r.pinyin, r.initials, r.mobile, r.email, r.wechat, r.company, r.industry, r.region, r.city,
                       r.birthday, r.month_day, r.source, COALESCE(ARRAY(SELECT jsonb_array_elements_text(CAST(r.tags AS jsonb))), '{}'),
                       r.needs, 'POTENTIAL', r.owner, false, r.completeness, :at, :at, 0
                FROM unnest(CAST(:ids AS uuid[]), CAST(:names AS text[]), CAST(:pinyins AS text[]), CAST(:initials AS text[]),
                            CAST(:mobiles AS text[]), CAST(:emails AS text[]), CAST(:wechats AS text[]), CAST(:companies AS text[]),
                            CAST(:industries AS text[]), CAST(:regions AS text[]), CAST(:cities AS text[]), CAST(:birthdays AS date[]),
                            CAST(:monthDays AS text[]), CAST(:sources AS text[]), CAST(:tags AS text[]), CAST(:needs AS text[]),
                            CAST(:owners AS uuid[]), CAST(:completeness AS smallint[]))
                     AS r(id, name, pinyin, initials, mobile, email, wechat, company, industry, region, city, birthday, month_day,
                          source, tags, needs, owner, completeness)""")
                .setParameter("ids", contacts.stream().map(c -> c.id).toArray(UUID[]::new))
                .setParameter("names", contacts.stream().map(c -> c.name).toArray(String[]::new))
                .setParameter("pinyins", contacts.stream().map(c -> c.namePinyin).toArray(String[]::new))
                .setParameter("initials", contacts.stream().map(c -> c.nameInitials).toArray(String[]::new))
                .setParameter("mobiles", contacts.stream().map(c -> c.mobile).toArray(String[]::new))
                .setParameter("emails", contacts.stream().map(c -> c.email).toArray(String[]::new))
                .setParameter("wechats", contacts.stream().map(c -> c.wechatId).toArray(String[]::new))
                .setParameter("companies", contacts.stream().map(c -> c.company).toArray(String[]::new))
                .setParameter("industries", contacts.stream().map(c -> c.industry).toArray(String[]::new))
                .setParameter("regions", contacts.stream().map(c -> c.region == null ? null : c.region.name()).toArray(String[]::new))
                .setParameter("cities", contacts.stream().map(c -> c.city).toArray(String[]::new))
                .setParameter("birthdays", contacts.stream().map(c -> c.birthday == null ? null : c.birthday.toString()).toArray(String[]::new))
                .setParameter("monthDays", contacts.stream().map(c -> c.birthMonthDay).toArray(String[]::new))
                .setParameter("sources", contacts.stream().map(c -> c.sourceChannel == null ? null : c.sourceChannel.name())
                        .toArray(String[]::new))
                .setParameter("tags", contacts.stream().map(c -> tagsJson(c.tags)).toArray(String[]::new))
                .setParameter("needs", contacts.stream().map(c -> c.hiddenNeeds).toArray(String[]::new))
                .setParameter("owners", contacts.stream().map(c -> c.ownerId).toArray(UUID[]::new))
                .setParameter("completeness", contacts.stream().map(c -> c.completeness).toArray(Short[]::new))
                .setParameter("at", at)
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO contact_stage_history (contact_id, from_stage, to_stage, cause, changed_by, changed_at)
                SELECT c.id, NULL, 'POTENTIAL', 'CREATED', :by, :at FROM unnest(CAST(:ids AS uuid[])) AS c(id)""")
                .setParameter("ids", contacts.stream().map(c -> c.id).toArray(UUID[]::new))
                .setParameter("by", actor).setParameter("at", at).executeUpdate();
    }

    /** The contacts with these ids, managed and locked for the update (an import's targets). */
    @Unscoped("The import checked at preview and checks again in the writer which targets the importer may edit")
    List<Contact> lockForUpdate(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from Contact c where c.id in :ids order by c.id", Contact.class).setParameter("ids", ids)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    void flush() {
        em.flush();
    }

    /**
     * Deletes contacts an import created and their stage history. A contact that has gained records of another
     * feature since (an interaction, a lead, a purchase …) cannot go: its foreign key fails the statement.
     */
    @Unscoped("Undo of an import by its importer removes the contacts that import created")
    int delete(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        em.createNativeQuery("DELETE FROM contact_stage_history WHERE contact_id = ANY (CAST(:ids AS uuid[]))")
                .setParameter("ids", array).executeUpdate();
        em.flush();
        return em.createNativeQuery("DELETE FROM contact WHERE id = ANY (CAST(:ids AS uuid[]))").setParameter("ids", array)
                .executeUpdate();
    }

    private static String tagsJson(List<String> tags) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; tags != null && i < tags.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"');
            for (char ch : tags.get(i).toCharArray()) {
                switch (ch) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    default -> {
                        if (ch < 0x20) {
                            json.append(String.format("\\u%04x", (int) ch));
                        } else {
                            json.append(ch);
                        }
                    }
                }
            }
            json.append('"');
        }
        return json.append(']').toString();
    }
}
