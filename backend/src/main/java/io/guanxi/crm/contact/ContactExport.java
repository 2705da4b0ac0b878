package io.guanxi.crm.contact;

import io.guanxi.crm.contact.api.ContactResponse;
import io.guanxi.crm.platform.export.ExportColumn;
import io.guanxi.crm.platform.export.ListExports;
import io.guanxi.crm.platform.export.TableWriter;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * The contact list as a file: the list's own selection (filters, visibility) in the list's order, read through
 * a database cursor {@value #BATCH} ids at a time, each batch turned into list items exactly as the list shows
 * them (mobiles and emails masked), written and forgotten, so memory stays flat however many rows there are.
 */
@ApplicationScoped
public class ContactExport {

    static final int BATCH = 500;

    /** Every column the contact export offers, in the default order; the names are the list's field names. */
    static final List<ExportColumn<ContactResponse>> COLUMNS = List.of(
            ExportColumn.of("name", ContactResponse::name),
            ExportColumn.of("mobile", ContactResponse::mobile),
            ExportColumn.of("email", ContactResponse::email),
            ExportColumn.of("wechatId", ContactResponse::wechatId),
            ExportColumn.of("company", ContactResponse::company),
            ExportColumn.of("industry", ContactResponse::industry),
            ExportColumn.translated("region", ContactResponse::region),
            ExportColumn.of("city", ContactResponse::city),
            ExportColumn.of("birthday", c -> c.birthday() != null ? c.birthday() : c.birthMonthDay()),
            ExportColumn.translated("lifecycleStage", ContactResponse::lifecycleStage),
            ExportColumn.translated("sourceChannel", ContactResponse::sourceChannel),
            ExportColumn.translated("preferredChannel", ContactResponse::preferredChannel),
            ExportColumn.translated("personalityType", ContactResponse::personalityType),
            ExportColumn.of("tags", c -> String.join(", ", c.tags())),
            ExportColumn.of("abcTier", ContactResponse::abcTier),
            ExportColumn.of("membershipLevel", ContactResponse::membershipLevel),
            ExportColumn.of("owner", ContactResponse::ownerName),
            new ExportColumn<>("marketingConsent", (c, labels) -> labels.yesNo(c.marketingConsent())),
            ExportColumn.of("completeness", ContactResponse::completeness),
            ExportColumn.of("lastContactedAt", ContactResponse::lastContactedAt),
            ExportColumn.of("createdAt", ContactResponse::createdAt),
            ExportColumn.of("id", c -> c.id().toString()));

    @Inject
    ContactRepository contacts;

    @Inject
    ContactService service;

    /** What an export takes, decided in the caller's request: the selection with visibility bound, and its size. */
    public record Prepared(ContactRepository.Selection selection, long rows) {
    }

    /** Checks the filters and the sort as the list does and binds the caller's visibility; counts the rows. */
    @Transactional
    public Prepared prepare(ContactQuery query, java.util.Set<UUID> ids, String sort) {
        ContactService.validate(query);
        ContactRepository.Selection selection = contacts.selection(query, ids, sort);
        return new Prepared(selection, contacts.count(selection));
    }

    /** Writes the selection's rows; runs in the request or in an export job (it needs no caller). */
    @Transactional
    @TransactionConfiguration(timeout = 3_600)
    public long write(ContactRepository.Selection selection, ListExports.Export<ContactResponse> export, TableWriter writer,
            LongConsumer progress) throws IOException {
        long written = 0;
        contacts.openExportCursor(selection);
        for (List<UUID> batch = contacts.fetchExportIds(BATCH); !batch.isEmpty(); batch = contacts.fetchExportIds(BATCH)) {
            for (ContactResponse row : service.listItems(contacts.loadForExport(batch))) {
                writer.row(ListExports.cells(row, export));
                progress.accept(++written);
            }
            contacts.detachAll();
        }
        contacts.closeExportCursor();
        return written;
    }
}
