package io.guanxi.crm.tier;

import io.guanxi.crm.tier.api.CustomerValueResponse;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface CustomerValueMapper {

    /** With what to do about a customer of its quadrant (none before the first recompute). */
    @Mapping(target = "recommendedAction",
            expression = "java(value.abcdQuadrant == null ? null : TierRecompute.ACTIONS.get(value.abcdQuadrant))")
    CustomerValueResponse toResponse(CustomerValue value);
}
