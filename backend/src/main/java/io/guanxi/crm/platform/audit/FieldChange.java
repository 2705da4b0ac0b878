package io.guanxi.crm.platform.audit;

/**
 * One field of an UPDATE (or CREATE, with {@code before} null): values as text; personal values
 * (names, mobiles, emails, WeChat ids) are recorded masked, so erasing a customer need not rewrite the trail.
 */
public record FieldChange(String field, String before, String after) {
}
