package io.guanxi.crm.campaign;

import io.guanxi.crm.campaign.api.Segment;
import io.guanxi.crm.campaign.api.SegmentMember;
import io.guanxi.crm.campaign.api.SegmentPreview;
import io.guanxi.crm.platform.db.Rows;
import io.guanxi.crm.platform.visibility.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The campaign feature's published segments: which customers a {@link Segment} matches, within the caller's
 * visibility (a rep's own customers, everyone's for managers and admins), never archived ones. Campaigns use
 * it to preview and launch; another feature that targets customers (win-back plans) takes the same
 * {@link #visibleMatching filter} into its own statement.
 */
@ApplicationScoped
public class Segments {

    public static final int SAMPLE = 5;

    @Inject
    SegmentRepository repository;

    @Inject
    Visibility visibility;

    @Inject
    Clock clock;

    /**
     * Native SQL selecting {@code contact_id}, {@code owner_id}, {@code name} of the customers the segment
     * matches that the caller may see, with its parameters (named {@code seg…} and {@code visibility…}). Use as
     * {@code FROM (sql) AS m}. With {@code marketingConsentOnly}, only customers who agreed to marketing.
     */
    public record Filter(String sql, Map<String, Object> params) {
    }

    /** The same filter over every customer, for work that runs as the system (demo data). */
    public static Filter everyoneMatching(Segment segment, boolean marketingConsentOnly, Instant now) {
        SegmentRepository.Select select = SegmentRepository.select(segment.normalised(), marketingConsentOnly,
                new Visibility.Predicate("1=1", Map.of()), now);
        return new Filter(select.sql(), Map.copyOf(select.params()));
    }

    public Filter visibleMatching(Segment segment, boolean marketingConsentOnly, Instant now) {
        SegmentRepository.Select select = SegmentRepository.select(segment.normalised(), marketingConsentOnly,
                visibility.contactSql("p"), now);
        return new Filter(select.sql(), Map.copyOf(select.params()));
    }

    /** How many customers the segment reaches for the caller, and the first few by name. */
    @Transactional
    public SegmentPreview preview(Segment segment, boolean marketingConsentOnly) {
        SegmentRepository.Select select = SegmentRepository.select(segment.normalised(), marketingConsentOnly,
                visibility.contactSql("p"), clock.instant());
        long count = repository.count(select);
        long leftOut = marketingConsentOnly ? repository.count(SegmentRepository.select(segment.normalised(), false,
                visibility.contactSql("p"), clock.instant())) - count : 0;
        return new SegmentPreview(count, leftOut, count == 0 ? java.util.List.of() : repository.sample(select, SAMPLE).stream()
                .map(r -> new SegmentMember(Rows.uuid(r, "contact_id"), Rows.string(r, "name"), Rows.uuid(r, "owner_id")))
                .toList());
    }
}
