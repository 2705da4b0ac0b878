package io.guanxi.crm.notification.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of one's notifications, newest first, with the unread count the bell shows. */
@Schema(name = "NotificationPage")
public record NotificationPage(@Schema(required = true) List<NotificationResponse> items, @Schema(required = true) int page,
        @Schema(required = true) int size, @Schema(required = true) long total, @Schema(required = true) long unread) {
}
