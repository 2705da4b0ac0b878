package io.guanxi.crm.privacy;

/** What a person asks of us under PIPL: a copy (Art. 45), a correction (46), deletion (47), a withdrawal of consent (15), an explanation (24, 48). */
public enum RequestKind {
    ACCESS, CORRECTION, DELETION, WITHDRAWAL, EXPLANATION
}
