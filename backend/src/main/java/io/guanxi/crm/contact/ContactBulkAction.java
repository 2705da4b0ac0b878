package io.guanxi.crm.contact;

/** What a bulk action does to each selected contact (issue 20 §4). */
public enum ContactBulkAction {
    ASSIGN_OWNER, ADD_TAGS, REMOVE_TAGS, SET_LIFECYCLE_STAGE, ARCHIVE, START_CARE_CAMPAIGN
}
