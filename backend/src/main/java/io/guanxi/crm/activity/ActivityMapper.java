package io.guanxi.crm.activity;

import io.guanxi.crm.activity.api.ActivityResponse;
import java.time.LocalDate;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface ActivityMapper {

    @Mapping(target = "id", source = "activity.id")
    @Mapping(target = "version", source = "activity.version")
    ActivityResponse toResponse(Activity activity, String contactName, String assigneeName, LocalDate dueDate, boolean overdue);
}
