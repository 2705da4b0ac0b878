package io.guanxi.crm.lead;

import io.guanxi.crm.lead.api.ScoringPolicyResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface ScoringPolicyMapper {

    /** {@code rescored}: how many leads a change rescored; null when only reading a version. */
    @Mapping(target = "rescoredLeads", source = "rescored")
    ScoringPolicyResponse toResponse(LeadScoringPolicy policy, Integer rescored);
}
