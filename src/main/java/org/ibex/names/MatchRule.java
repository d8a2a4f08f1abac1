package org.ibex.names;

/** Why two name parts were judged to be the same part. */
public enum MatchRule {
    /** Identical after case folding and MRZ transliteration. */
    EXACT,
    /** One romanisation of one side equals, or nearly equals, the other side. */
    TRANSLITERATION_VARIANT,
    /** The parts sound alike: their consonant skeletons agree. */
    PHONETIC,
    /** The parts are close under the learned, script-aware edit distance. */
    EDIT_DISTANCE,
    /** One part is a single letter that starts the other part; the score is capped. */
    INITIAL
}
