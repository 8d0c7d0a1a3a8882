package io.aurabilling.invoice;

import io.aurabilling.pricing.Tier;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One Aura component on an invoice, with its lines (one per app, sorted by app id, the
 * null app last) and, for tiered models, its tier breakdown.
 *
 * @param componentId the component id
 * @param componentName its name from {@code D_Aura_Component}, the raw id when unknown
 * @param queries billed queries of the component
 * @param exactAmount the unrounded amount the model computed
 * @param amount the rounded amount; the lines add up to it exactly
 * @param lines the lines, one per app
 * @param tiers the tier breakdown (graduated, volume, package); empty otherwise
 */
public record InvoiceComponent(String componentId, String componentName, long queries, BigDecimal exactAmount,
                               BigDecimal amount, List<InvoiceLine> lines, List<Tier> tiers) {
    /** Validates and copies the components. */
    public InvoiceComponent {
        requireNonNull(componentId, "componentId is null");
        requireNonNull(componentName, "componentName is null");
        requireNonNull(exactAmount, "exactAmount is null");
        requireNonNull(amount, "amount is null");
        lines = List.copyOf(lines);
        tiers = List.copyOf(tiers);
    }
}
