package io.guanxi.crm.platform.error;

/** One invalid input: the field (JSON property or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
