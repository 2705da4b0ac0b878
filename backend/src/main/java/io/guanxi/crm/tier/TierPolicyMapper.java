package io.guanxi.crm.tier;

import io.guanxi.crm.tier.api.TierPolicyResponse;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface TierPolicyMapper {

    TierPolicyResponse toResponse(TierPolicy policy);
}
