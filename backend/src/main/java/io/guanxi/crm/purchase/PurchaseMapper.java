package io.guanxi.crm.purchase;

import io.guanxi.crm.purchase.api.PurchaseResponse;
import io.guanxi.crm.purchase.api.RefundResponse;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;

@Mapper(componentModel = MappingConstants.ComponentModel.JAKARTA_CDI)
public interface PurchaseMapper {

    /** {@code contactName} is null for an integrator, which gets no personal data. */
    @Mapping(target = "id", source = "purchase.id")
    @Mapping(target = "contactName", source = "contactName")
    @Mapping(target = "netAmount", expression = "java(purchase.amount.subtract(purchase.refundedAmount))")
    @Mapping(target = "items", expression = "java(purchase.items == null ? java.util.List.of() : purchase.items)")
    @Mapping(target = "refunds", source = "refunds")
    PurchaseResponse toResponse(Purchase purchase, String contactName, List<RefundResponse> refunds);

    RefundResponse toResponse(Refund refund);
}
