package io.guanxi.crm.consent;

/**
 * The legal bases of PIPL Art. 13 (个人信息保护法 第十三条), in its order. Only CONSENT needs the person's
 * agreement; a purpose on any other basis applies until the person objects (a withdrawal in the ledger).
 */
public enum LegalBasis {
    /** (1) The individual's consent. */
    CONSENT,
    /** (2) Necessary to conclude or perform a contract the individual is party to, or for HR management. */
    CONTRACT,
    /** (3) Necessary to perform a statutory duty or obligation. */
    LEGAL_OBLIGATION,
    /** (4) A public health emergency, or protecting life, health and property in an emergency. */
    EMERGENCY,
    /** (5) News reporting and supervision by public opinion in the public interest, within a reasonable scope. */
    NEWS_PUBLIC_INTEREST,
    /** (6) Information the individual disclosed or that was otherwise lawfully disclosed, within a reasonable scope. */
    PUBLICLY_DISCLOSED,
    /** (7) Other circumstances laws and administrative regulations provide for. */
    OTHER_LAW
}
