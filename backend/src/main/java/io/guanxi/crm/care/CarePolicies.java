package io.guanxi.crm.care;

import io.guanxi.crm.care.api.CarePolicyRequest;
import io.guanxi.crm.care.api.CarePolicyResponse;
import io.guanxi.crm.platform.http.IfMatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The versioned care policy. */
@ApplicationScoped
public class CarePolicies {

    @Inject
    CarePolicyRepository repository;

    @Inject
    Clock clock;

    @Transactional
    public CarePolicy current() {
        return repository.current();
    }

    @Transactional
    public CarePolicyResponse change(CarePolicyRequest request, String ifMatch, UUID actor) {
        IfMatch.requiredVersion(ifMatch);
        repository.lockForChange();
        CarePolicy current = current();
        // Under the lock: of two admins who read the same version, the second gets 412, not a silent overwrite.
        IfMatch.check(ifMatch, current.version);
        CarePolicy policy = new CarePolicy();
        policy.version = current.version + 1;
        policy.daysBefore = request.daysBefore();
        // In the enum's order, so that the same choice always reads the same.
        policy.occasions = new ArrayList<>(Arrays.stream(Occasion.values()).filter(request.occasions()::contains).map(Enum::name).toList());
        policy.callAbcTiers = new ArrayList<>(request.callAbcTiers().stream().sorted().toList());
        policy.callMinLevel = request.callMinLevel();
        policy.greetingZh = request.greetingZh();
        policy.greetingEn = request.greetingEn();
        policy.createdAt = clock.instant();
        policy.createdBy = actor;
        repository.persist(policy);
        return toResponse(policy);
    }

    static CarePolicyResponse toResponse(CarePolicy p) {
        List<Occasion> occasions = p.occasions.stream().map(Occasion::valueOf).toList();
        return new CarePolicyResponse(p.version, p.daysBefore, occasions, List.copyOf(p.callAbcTiers), p.callMinLevel, p.greetingZh,
                p.greetingEn, p.createdAt, p.createdBy);
    }
}
