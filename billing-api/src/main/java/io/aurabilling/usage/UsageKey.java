package io.aurabilling.usage;

import java.time.LocalDate;
import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * The key of a usage cell: what was used, by whom, where and when. {@code day} is the
 * OB-local date of the rows. {@code appId}, {@code channelId} and {@code preset} may be
 * {@code null} (unattributed app, unknown channel, no AI preset); they sort last.
 *
 * @param country ISO 3166-1 alpha-3 code exactly as written in the data
 * @param day the OB-local day
 * @param componentId the Aura component id
 * @param appId the app id, or {@code null}
 * @param channelId the channel id, or {@code null}
 * @param service the service: {@code message}, {@code nlpaas}, {@code ai} or {@code other}
 * @param preset the AI preset name, or {@code null}
 */
public record UsageKey(String country, LocalDate day, String componentId, String appId,
                       String channelId, String service, String preset) implements Comparable<UsageKey> {

    /** The order of cells everywhere: country, day, component, app, channel, service, preset. */
    public static final Comparator<UsageKey> ORDER = Comparator
            .comparing(UsageKey::country)
            .thenComparing(UsageKey::day)
            .thenComparing(UsageKey::componentId)
            .thenComparing(UsageKey::appId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(UsageKey::channelId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(UsageKey::service)
            .thenComparing(UsageKey::preset, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Validates the required components. */
    public UsageKey {
        requireNonNull(country, "country is null");
        requireNonNull(day, "day is null");
        requireNonNull(componentId, "componentId is null");
        requireNonNull(service, "service is null");
    }

    @Override
    public int compareTo(UsageKey other) {
        // by hand, field by field as ORDER (which it must equal): the comparator chain costs several
        // virtual calls per field, and readers compare hundreds of thousands of keys
        int c = compareText(country, other.country);
        if (c == 0) {
            c = day.compareTo(other.day);
        }
        if (c == 0) {
            c = compareText(componentId, other.componentId);
        }
        if (c == 0) {
            c = compareNullsLast(appId, other.appId);
        }
        if (c == 0) {
            c = compareNullsLast(channelId, other.channelId);
        }
        if (c == 0) {
            c = compareText(service, other.service);
        }
        if (c == 0) {
            c = compareNullsLast(preset, other.preset);
        }
        return c;
    }

    private static int compareText(String a, String b) {
        // keys built by readers share one String per value: identity settles most comparisons
        return a == b ? 0 : a.compareTo(b);
    }

    private static int compareNullsLast(String a, String b) {
        if (a == b) {
            return 0;
        }
        if (a == null) {
            return 1;
        }
        return b == null ? -1 : a.compareTo(b);
    }
}
