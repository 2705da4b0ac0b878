package io.guanxi.crm.loyalty;

/** What a reward is: a product, a service, or a privilege ("1000 points = a year of free upgrades"). */
public enum RewardKind {
    PRODUCT, SERVICE, PRIVILEGE
}
