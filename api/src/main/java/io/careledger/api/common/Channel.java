package io.careledger.api.common;

/** Where a customer reached us (DOMAIN.md §4). */
public enum Channel {
    STORE_DESK,
    HOTLINE,
    APP,
    MINI_PROGRAM,
    ONLINE_CHAT,
    SOCIAL_MEDIA,
    EMAIL,
    SELF_SERVICE_KIOSK,
    AI_ASSISTANT_HANDOFF
}
