package io.guanxi.crm.contact;

import io.guanxi.crm.contact.api.ContactImportDraft;
import io.guanxi.crm.platform.audit.AuditAction;
import io.guanxi.crm.platform.audit.AuditTrail;
import io.guanxi.crm.platform.db.Ids;
import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.visibility.Unscoped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Contacts written by an import (issue 20 §1), set-based: the same normalisation as {@link ContactService#create}
 * (pinyin and initials of the name, completeness, a CREATED stage) and the same audit entries, one per contact, as
 * if each were made by hand. The import decides what to write; this class alone names the contact tables.
 */
@ApplicationScoped
public class ContactImportWriter {

    @Inject
    ContactImportRepository repository;

    @Inject
    AuditTrail audit;

    /** How an existing contact takes an imported row's values. */
    public enum Fill {
        /** Only the fields the contact lacks. */
        EMPTY_ONLY,
        /** Every value the row has. */
        OVERWRITE
    }

    /** An existing contact an imported row may be: {@code name} only when the importer may see it. */
    public record Existing(UUID id, String mobile, String email, String nameKey, String name, boolean editable, boolean archived) {
    }

    /** Rows laid over one existing contact. */
    public record Update(UUID contactId, List<ContactImportDraft> rows, Fill fill) {
    }

    /** What an update changed: the values replaced and the ones written, by field; empty maps when nothing changed. */
    public record Changed(UUID contactId, Map<String, String> replaced, Map<String, String> written) {
    }

    /** Outcome of undoing an import's updates: fields put back, and fields left as someone changed them since. */
    public record Restored(int contacts, int fieldsRestored, int fieldsKeptChangedSince) {
    }

    /** The key of the "maybe the same person" match: the name's full pinyin and the company, lower case. */
    public static String nameKey(String name, String company) {
        return Pinyin.of(name).full() + "|" + (company == null ? "" : company.trim().toLowerCase(Locale.ROOT));
    }

    /** The name's pinyin, as the contact stores it. */
    public static String pinyinOf(String name) {
        return Pinyin.of(name).full();
    }

    /**
     * Contacts with one of these canonical mobiles, emails or name pinyins, team-wide (duplicates are); whether the
     * importer may see ({@code seesAll} or owns) and edit ({@code editsAll} or owns) each decides what it learns.
     */
    @Unscoped(value = "Duplicates of imported rows are team-wide; a contact the importer may not see is named by nothing but its match",
            callers = "imports")
    @Transactional
    public List<Existing> findExisting(Collection<String> mobiles, Collection<String> emails, Collection<String> pinyins, UUID importer,
            boolean seesAll, boolean editsAll) {
        return repository.candidates(mobiles, emails, pinyins).stream().map(c -> {
            boolean own = c.ownerId().equals(importer);
            return new Existing(c.id(), c.mobile(), c.email(), c.namePinyin() + "|"
                    + (c.company() == null ? "" : c.company().trim().toLowerCase(Locale.ROOT)),
                    seesAll || own ? c.name() : null, editsAll || own, c.archived());
        }).toList();
    }

    /** Creates one contact per draft, each owned by its owner in {@code owners}; returns their ids in the drafts' order. */
    @Unscoped(value = "The import validated the rows and the importer may create contacts for these owners (themselves, or any "
            + "active rep or manager when a manager imports)", callers = "imports")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> create(List<ContactImportDraft> drafts, List<UUID> owners, UUID actor, Instant at) {
        List<Contact> contacts = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            ContactImportDraft draft = drafts.get(i);
            Contact contact = new Contact();
            contact.id = Ids.newId();
            contact.ownerId = owners.get(i);
            write(contact, draft);
            contact.lifecycleStage = LifecycleStage.POTENTIAL;
            contact.createdAt = contact.updatedAt = at;
            contacts.add(contact);
        }
        repository.insert(contacts, actor, at);
        for (Contact contact : contacts) {
            audit.record(AuditAction.CREATE, ContactService.AUDITED, contact.id, contact.id, ContactAudit.changes(null, contact));
        }
        return contacts.stream().map(c -> c.id).toList();
    }

    /**
     * Lays rows over existing contacts the importer may edit ({@code editsAll}, or owns it); a contact gone, anonymised or
     * no longer editable is left alone and absent from the answer.
     */
    @Unscoped(value = "The import checks the importer may edit each target (editsAll or owner) here, at the moment of writing",
            callers = "imports")
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Changed> update(List<Update> updates, UUID importer, boolean editsAll, Instant at) {
        Map<UUID, Contact> byId = new LinkedHashMap<>();
        repository.lockForUpdate(updates.stream().map(Update::contactId).toList()).forEach(c -> byId.put(c.id, c));
        List<Changed> changed = new ArrayList<>();
        for (Update update : updates) {
            Contact contact = byId.get(update.contactId());
            if (contact == null || contact.anonymisedAt != null || (!editsAll && !contact.ownerId.equals(importer))) {
                continue;
            }
            Map<String, String> before = ContactAudit.snapshot(contact);
            ContactImportDraft current = draftOf(contact);
            ContactImportDraft merged = current;
            for (ContactImportDraft row : update.rows()) {
                merged = row.over(merged, update.fill() == Fill.OVERWRITE);
            }
            Map<String, String> replaced = new LinkedHashMap<>();
            Map<String, String> written = new LinkedHashMap<>();
            for (String field : ContactImportDraft.FIELDS) {
                if (!Objects.equals(current.text(field), merged.text(field))) {
                    replaced.put(field, current.text(field));
                    written.put(field, merged.text(field));
                }
            }
            if (!written.isEmpty()) {
                write(contact, merged);
                contact.updatedAt = at;
                changed.add(new Changed(contact.id, replaced, written));
                var changes = ContactAudit.changes(before, contact);
                if (!changes.isEmpty()) {
                    audit.record(AuditAction.UPDATE, ContactService.AUDITED, contact.id, contact.id, changes);
                }
            }
        }
        repository.flush();
        return changed;
    }

    /**
     * Undoes an import: removes the contacts it created and puts back the fields it replaced, each unless someone has
     * changed it since (then it stays as they left it). A created contact that has since been changed or merged, or
     * gained records of another feature, is not removed: the whole undo is refused (409 import-undo-blocked) and
     * nothing changes.
     */
    @Unscoped(value = "Undo by the importer of exactly what the import wrote", callers = "imports")
    @Transactional(Transactional.TxType.MANDATORY)
    public Restored undo(Collection<UUID> created, List<Changed> updated, Instant at) {
        int fieldsRestored = 0;
        int kept = 0;
        int contacts = 0;
        Map<UUID, Contact> byId = new LinkedHashMap<>();
        repository.lockForUpdate(updated.stream().map(Changed::contactId).toList()).forEach(c -> byId.put(c.id, c));
        for (Changed change : updated) {
            Contact contact = byId.get(change.contactId());
            if (contact == null || contact.anonymisedAt != null) {
                kept += change.written().size();
                continue;
            }
            Map<String, String> before = ContactAudit.snapshot(contact);
            ContactImportDraft current = draftOf(contact);
            Map<String, String> values = new LinkedHashMap<>();
            for (String field : ContactImportDraft.FIELDS) {
                values.put(field, current.text(field));
            }
            int restoredHere = 0;
            for (Map.Entry<String, String> field : change.written().entrySet()) {
                if (Objects.equals(values.get(field.getKey()), field.getValue())) {
                    values.put(field.getKey(), change.replaced().get(field.getKey()));
                    restoredHere++;
                } else {
                    kept++;
                }
            }
            if (restoredHere > 0) {
                write(contact, fromText(values));
                contact.updatedAt = at;
                fieldsRestored += restoredHere;
                contacts++;
                var changes = ContactAudit.changes(before, contact);
                if (!changes.isEmpty()) {
                    audit.record(AuditAction.UPDATE, ContactService.AUDITED, contact.id, contact.id, changes);
                }
            }
        }
        repository.flush();
        // A created contact someone has since edited, handed over, tagged, moved on or merged (every change bumps its
        // version) is theirs now as much as the importer's: the undo is refused rather than deleting their work.
        if (repository.lockForUpdate(List.copyOf(created)).stream().anyMatch(c -> c.version > 0 || c.mergedIntoId != null)) {
            throw new ProblemException(409, io.guanxi.crm.platform.error.ProblemTypes.IMPORT_UNDO_BLOCKED, "Import cannot be undone",
                    "Some contacts this import created have been changed, handed over or merged since; they are kept, so nothing "
                            + "was undone", List.of(), Map.of("code", "CHANGED_SINCE"));
        }
        try {
            repository.delete(Set.copyOf(created));
        } catch (PersistenceException e) {
            throw new ProblemException(409, io.guanxi.crm.platform.error.ProblemTypes.IMPORT_UNDO_BLOCKED, "Import cannot be undone",
                    "Some contacts this import created have since gained interactions, leads, purchases or other records; "
                            + "they are kept, so nothing was undone", List.of(), Map.of("code", "HAS_RECORDS"));
        }
        for (UUID id : created) {
            audit.record(AuditAction.DELETE, ContactService.AUDITED, id, id, List.of());
        }
        return new Restored(contacts, fieldsRestored, kept);
    }

    private static void write(Contact contact, ContactImportDraft draft) {
        contact.name = draft.name();
        Pinyin.Reading reading = Pinyin.of(contact.name);
        contact.namePinyin = reading.full();
        contact.nameInitials = reading.initials();
        contact.mobile = draft.mobile();
        contact.email = draft.email();
        contact.wechatId = draft.wechatId();
        contact.company = draft.company();
        contact.industry = draft.industry();
        contact.region = draft.region();
        contact.city = draft.city();
        contact.birthday = draft.birthday();
        contact.birthMonthDay = draft.birthMonthDay();
        contact.tags = draft.tags() == null ? new ArrayList<>() : new ArrayList<>(draft.tags());
        contact.sourceChannel = draft.sourceChannel();
        contact.hiddenNeeds = draft.hiddenNeeds();
        contact.completeness = Completeness.percent(contact);
    }

    private static ContactImportDraft draftOf(Contact c) {
        return new ContactImportDraft(c.name, c.mobile, c.email, c.wechatId, c.company, c.industry, c.region, c.city, c.birthday,
                c.birthMonthDay, c.tags == null ? List.of() : List.copyOf(c.tags), c.sourceChannel, c.hiddenNeeds);
    }

    private static ContactImportDraft fromText(Map<String, String> v) {
        String tags = v.get("tags");
        return new ContactImportDraft(v.get("name"), v.get("mobile"), v.get("email"), v.get("wechatId"), v.get("company"),
                v.get("industry"), v.get("region") == null ? null : Region.valueOf(v.get("region")), v.get("city"),
                v.get("birthday") == null ? null : LocalDate.parse(v.get("birthday")), v.get("birthMonthDay"),
                tags == null ? List.of() : List.of(tags.split(", ")),
                v.get("sourceChannel") == null ? null : SourceChannel.valueOf(v.get("sourceChannel")), v.get("hiddenNeeds"));
    }
}
