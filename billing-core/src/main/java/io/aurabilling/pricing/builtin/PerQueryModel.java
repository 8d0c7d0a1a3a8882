package io.aurabilling.pricing.builtin;

import io.aurabilling.pricing.AppCharge;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.UsageCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Prices every cell at its most specific rate and sums per component and app. Cells no
 * rate matches are reported unpriced and not charged.
 */
final class PerQueryModel implements PricingModel {

    /** App ids in order, the unattributed ({@code null}) app last. */
    static final Comparator<String> APP_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private final RateCard card;

    PerQueryModel(RateCard card) {
        this.card = requireNonNull(card, "card is null");
    }

    @Override
    public PricingResult price(PricingContext context) {
        requireNonNull(context, "context is null");
        SortedMap<String, SortedMap<String, BigDecimal>> byComponent = new TreeMap<>();
        SortedMap<String, Long> unpriced = new TreeMap<>();
        for (UsageCell cell : context.cells()) {
            Optional<Rate> rate = card.rateFor(cell);
            if (rate.isEmpty()) {
                if (cell.queries() > 0) {
                    unpriced.merge(cell.componentId(), cell.queries(), Long::sum);
                }
                continue;
            }
            BigDecimal amount = rate.get().price().multiply(BigDecimal.valueOf(cell.queries()));
            byComponent.computeIfAbsent(cell.componentId(), c -> new TreeMap<>(APP_ORDER))
                    .merge(cell.appId(), amount, BigDecimal::add);
        }
        List<ComponentCharge> charges = new ArrayList<>();
        for (Map.Entry<String, SortedMap<String, BigDecimal>> component : byComponent.entrySet()) {
            List<AppCharge> apps = new ArrayList<>();
            component.getValue().forEach((app, amount) -> apps.add(new AppCharge(app, amount)));
            charges.add(ComponentCharge.byApp(component.getKey(), apps));
        }
        return PricingResult.of(charges, List.of(), unpriced);
    }

    @Override
    public String toString() {
        return "per-query " + card;
    }
}
