package io.guanxi.crm.contact;

/**
 * Customer personality (004, the nine Enneagram types): 完美型 PERFECTIONIST, 助人型 HELPER, 目的型 ACHIEVER,
 * 自我型 INDIVIDUALIST, 理智型 INVESTIGATOR, 疑惑型 LOYALIST, 活跃型 ENTHUSIAST, 领袖型 CHALLENGER, 和平型 PEACEMAKER.
 */
public enum PersonalityType {
    PERFECTIONIST, HELPER, ACHIEVER, INDIVIDUALIST, INVESTIGATOR, LOYALIST, ENTHUSIAST, CHALLENGER, PEACEMAKER
}
