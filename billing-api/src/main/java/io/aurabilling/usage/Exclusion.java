package io.aurabilling.usage;

/**
 * Why a row read was not billed. Rules are applied in declaration order and the first
 * that matches decides (billing-rules.md).
 */
public enum Exclusion {
    /** {@code INTERACTION_ID}, {@code AURA_COMPONENT_ID} or {@code COUNTRY_3_ALPHA_CD} null or blank. */
    MISSING_KEY,
    /** {@code AURA_TM} missing or not parseable. */
    BAD_TIMESTAMP,
    /** Outside the period in that row's country's zone (normal, not an error). */
    OUT_OF_PERIOD,
    /** Same {@code (INTERACTION_ID, AURA_COMPONENT_ID)} as an earlier row that passed the rules above. */
    DUPLICATE,
    /** Billable, but its country is not among the OBs invoiced in the run. */
    OTHER_OB;

    /** The exclusions an invoice's data-quality section lists, in order. */
    public static final java.util.List<Exclusion> PER_INVOICE =
            java.util.List.of(MISSING_KEY, BAD_TIMESTAMP, OUT_OF_PERIOD, DUPLICATE);
}
