package io.guanxi.crm.consent;

import io.guanxi.crm.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The consent ledger in a rights request: exported whole; an erasure blanks the evidence and keeps decisions and dates. */
@ApplicationScoped
public class ConsentPersonalData implements PersonalData {

    @Inject
    ConsentRepository entries;

    @Inject
    ConsentPurposeRepository purposes;

    @Inject
    Clock clock;

    @Override
    public String section() {
        return "consents";
    }

    @Override
    public List<Map<String, Object>> export(UUID contactId) {
        Map<UUID, String> codes = purposes.all().stream().collect(Collectors.toMap(p -> p.id, p -> p.code));
        List<ConsentEntry> ledger = new ArrayList<>(entries.ledger(contactId));
        Collections.reverse(ledger); // oldest first
        return ledger.stream().<Map<String, Object>>map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id);
            row.put("purpose", codes.get(e.purposeId));
            row.put("decision", e.decision.name());
            row.put("channel", e.channel.name());
            row.put("evidence", e.evidence);
            row.put("recordedBy", e.recordedBy);
            row.put("recordedAt", e.recordedAt);
            row.put("redactedAt", e.redactedAt);
            return row;
        }).toList();
    }

    @Override
    public int anonymise(UUID contactId) {
        return entries.redactEvidence(contactId, clock.instant());
    }
}
