package io.guanxi.crm.interaction;

import io.guanxi.crm.interaction.api.InteractionResponse;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface InteractionMapper {

    InteractionResponse toResponse(Interaction interaction, String authorName);
}
