package io.aurabilling.testkit.pricing;

import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.YearMonth;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * jqwik generators of usage cells shaped like Aura's: several countries, days of the month,
 * components, apps (with the unattributed null app), channels, the four services and AI
 * presets, and query counts from a handful to millions.
 */
public final class UsageArbitraries {

    /** Apps of the generated cells; {@code null} is added as the unattributed app. */
    public static final List<String> APPS = List.of("app-care", "app-sales", "app-tv");
    /** Channels of the generated cells; {@code null} is added as the unknown channel. */
    public static final List<String> CHANNELS = List.of("web", "whatsapp", "voice");
    /** The services of {@code billing-rules.md}. */
    public static final List<String> SERVICES = List.of("message", "nlpaas", "ai", "other");
    /** AI presets of the generated cells; {@code null} is added as no preset. */
    public static final List<String> PRESETS = List.of("gpt-4o", "gpt-4o-mini");

    private UsageArbitraries() {
    }

    /**
     * Up to 40 cells over the given countries and components, in the given month.
     *
     * @param countries country codes
     * @param componentIds component ids
     * @param month the month of the cells' days
     * @return lists of cells (keys may repeat; {@link PricingSample} merges them)
     */
    public static Arbitrary<List<UsageCell>> cells(List<String> countries, List<String> componentIds, YearMonth month) {
        requireNonNull(month, "month is null");
        Arbitrary<String> country = Arbitraries.of(List.copyOf(countries));
        Arbitrary<String> component = Arbitraries.of(List.copyOf(componentIds));
        Arbitrary<Integer> day = Arbitraries.integers().between(1, month.lengthOfMonth());
        Arbitrary<String> app = Arbitraries.of(APPS).injectNull(0.2);
        Arbitrary<String> channel = Arbitraries.of(CHANNELS).injectNull(0.1);
        Arbitrary<String> service = Arbitraries.of(SERVICES);
        Arbitrary<String> preset = Arbitraries.of(PRESETS).injectNull(0.5);
        Arbitrary<Long> queries = Arbitraries.oneOf(Arbitraries.longs().between(1, 20),
                Arbitraries.longs().between(1, 5_000_000));
        Arbitrary<UsageKey> keys = Combinators.combine(country, day, component, app, channel, service, preset)
                .as((c, d, comp, a, ch, s, p) -> new UsageKey(c, month.atDay(d), comp, a, ch, s, "ai".equals(s) ? p : null));
        return Combinators.combine(keys, queries).as(UsageCell::new).list().ofMaxSize(40);
    }
}
