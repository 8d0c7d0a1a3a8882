package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;

import java.math.BigDecimal;

/**
 * Reads the values the built-in models share (prices, amounts, whole numbers) and
 * rejects bad ones at the node where they were written, saying what was expected.
 */
final class ConfigValues {

    /** Prices and amounts keep their configured scale, up to this many decimals. */
    static final int MAX_DECIMALS = 10;

    private ConfigValues() {
    }

    /**
     * A required price or amount below a mapping: a decimal ≥ 0 with at most
     * {@value #MAX_DECIMALS} decimals.
     *
     * @param parent the mapping
     * @param key the key holding the value
     * @param what what the value is, for messages (e.g. "price")
     * @return the value, with the scale it was written with
     */
    static BigDecimal requiredAmount(ConfigNode parent, String key, String what) {
        return amount(parent.required(key, "a " + what + " >= 0 such as 0.0010"), what);
    }

    /**
     * A price or amount: a decimal ≥ 0 with at most {@value #MAX_DECIMALS} decimals.
     *
     * @param node the scalar
     * @param what what the value is, for messages
     * @return the value, with the scale it was written with
     */
    static BigDecimal amount(ConfigNode node, String what) {
        BigDecimal value = node.asDecimal();
        if (value.signum() < 0) {
            throw node.error("expected a " + what + " >= 0, found " + value.toPlainString());
        }
        if (value.scale() > MAX_DECIMALS) {
            throw node.error("expected a " + what + " with at most " + MAX_DECIMALS + " decimals, found "
                    + value.toPlainString() + " (" + value.scale() + " decimals)");
        }
        return value;
    }

    /**
     * A whole number of at least {@code min}.
     *
     * @param node the scalar
     * @param min the smallest allowed value
     * @param what what the value is, for messages (e.g. "up-to")
     * @return the number
     */
    static long wholeNumber(ConfigNode node, long min, String what) {
        long value = node.asLong();
        if (value < min) {
            throw node.error("expected " + what + " to be a whole number >= " + min + ", found " + value);
        }
        return value;
    }

    /**
     * A non-blank text value.
     *
     * @param node the scalar
     * @param what what the value is, for messages (e.g. "component id")
     * @return the text, as written
     */
    static String nonBlankText(ConfigNode node, String what) {
        String text = node.asText();
        if (text.isBlank()) {
            throw node.error("expected a " + what + ", found an empty value");
        }
        return text;
    }
}
