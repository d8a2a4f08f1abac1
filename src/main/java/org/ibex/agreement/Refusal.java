package org.ibex.agreement;

import java.util.Locale;

/** Why a question or an answer is outside every agreement: the code both ends audit and the asker is told. */
public enum Refusal {
    NO_AGREEMENT, NOT_YET_VALID, EXPIRED, REVOKED, SUPERSEDED, UNSIGNED, TAMPERED, QUERY_NOT_ALLOWED, WRONG_PURPOSE,
    CATEGORY_NOT_ALLOWED, QUOTA_EXHAUSTED,
    /** Allowed by the agreement, but the person who had to approve the release declined it. */
    DECLINED,
    /** A release asked for by a reference no hit gave to the asker. */
    NO_HIT,
    /** A release asked for by a hit's reference after the time the agreement gives it. */
    REFERENCE_EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Refusal parse(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
