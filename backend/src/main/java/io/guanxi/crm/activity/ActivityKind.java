package io.guanxi.crm.activity;

import io.guanxi.crm.interaction.InteractionChannel;

/** What someone must do about a customer (SPEC §8); the channel it is logged on when done. */
public enum ActivityKind {
    CALL(InteractionChannel.PHONE), VISIT(InteractionChannel.VISIT), WECHAT(InteractionChannel.WECHAT),
    SMS(InteractionChannel.SMS), EMAIL(InteractionChannel.EMAIL), MEETING(InteractionChannel.MEETING),
    CARE(InteractionChannel.PHONE), FOLLOW_UP(InteractionChannel.PHONE),
    COMPLAINT_FOLLOW_UP(InteractionChannel.PHONE), ESCALATION(InteractionChannel.PHONE),
    OTHER(InteractionChannel.PHONE);

    private final InteractionChannel channel;

    ActivityKind(InteractionChannel channel) {
        this.channel = channel;
    }

    /** The channel an interaction logged on completing it takes unless the caller names another. */
    public InteractionChannel usualChannel() {
        return channel;
    }

    /** The kind of a follow-up planned on this channel. */
    public static ActivityKind of(InteractionChannel channel) {
        return switch (channel) {
            case PHONE -> CALL;
            case SMS -> SMS;
            case EMAIL -> EMAIL;
            case WECHAT -> WECHAT;
            case VISIT -> VISIT;
            case MEETING, EVENT -> MEETING;
        };
    }
}
