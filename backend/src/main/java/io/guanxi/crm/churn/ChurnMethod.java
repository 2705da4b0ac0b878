package io.guanxi.crm.churn;

/** How a customer became churned: by the policy's rule (no purchase for N months) or by hand. */
public enum ChurnMethod {
    RULE, HAND
}
