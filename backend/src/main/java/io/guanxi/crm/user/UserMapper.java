package io.guanxi.crm.user;

import io.guanxi.crm.user.api.UserResponse;
import org.mapstruct.Mapper;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface UserMapper {

    UserResponse toResponse(User user);
}
