package io.aurabilling.spark;

import org.apache.spark.sql.Column;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Time zone arithmetic as plain Spark column expressions (no UDF, no session time zone): the
 * offsets of a zone over a window of instants are read on the driver from {@link ZoneRules} and
 * written into a {@code CASE WHEN} over epoch seconds. Outside the window the boundary offsets
 * apply; callers choose a window wide enough that this cannot change a billing decision.
 */
final class ZoneColumns {
    private ZoneColumns() {
    }

    /**
     * The epoch second of a local date-time (as seconds since 1970-01-01T00:00 local), resolved like
     * {@link java.time.ZonedDateTime#ofLocal} with no preferred offset: in a gap the time moves
     * forward by the gap's length, in an overlap the earlier offset wins. Both amount to using the
     * offset before a transition up to the local time {@code transition + max(before, after)}.
     *
     * @param local local seconds (bigint)
     * @param zone the zone
     * @param from start of the window, epoch seconds
     * @param to end of the window, epoch seconds
     * @return epoch seconds (bigint)
     */
    static Column localToEpoch(Column local, ZoneId zone, long from, long to) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> transitions = transitions(rules, from, to);
        if (transitions.isEmpty()) {
            return local.minus(lit((long) rules.getOffset(Instant.ofEpochSecond(from)).getTotalSeconds()));
        }
        Column result = null;
        for (ZoneOffsetTransition t : transitions) {
            int before = t.getOffsetBefore().getTotalSeconds();
            int after = t.getOffsetAfter().getTotalSeconds();
            long boundary = t.toEpochSecond() + Math.max(before, after);
            Column value = local.minus(lit((long) before));
            result = result == null ? when(local.lt(lit(boundary)), value)
                    : result.when(local.lt(lit(boundary)), value);
        }
        long last = transitions.get(transitions.size() - 1).getOffsetAfter().getTotalSeconds();
        return result.otherwise(local.minus(lit(last)));
    }

    /**
     * The zone's offset in seconds at an instant.
     *
     * @param epoch epoch seconds (bigint)
     * @param zone the zone
     * @param from start of the window, epoch seconds
     * @param to end of the window, epoch seconds
     * @return the offset in seconds (bigint)
     */
    static Column offsetAt(Column epoch, ZoneId zone, long from, long to) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> transitions = transitions(rules, from, to);
        if (transitions.isEmpty()) {
            return lit((long) rules.getOffset(Instant.ofEpochSecond(from)).getTotalSeconds());
        }
        Column result = null;
        for (ZoneOffsetTransition t : transitions) {
            Column before = lit((long) t.getOffsetBefore().getTotalSeconds());
            result = result == null ? when(epoch.lt(lit(t.toEpochSecond())), before)
                    : result.when(epoch.lt(lit(t.toEpochSecond())), before);
        }
        long last = transitions.get(transitions.size() - 1).getOffsetAfter().getTotalSeconds();
        return result.otherwise(lit(last));
    }

    private static List<ZoneOffsetTransition> transitions(ZoneRules rules, long from, long to) {
        List<ZoneOffsetTransition> list = new ArrayList<>();
        if (rules.isFixedOffset()) {
            return list;
        }
        ZoneOffsetTransition t = rules.nextTransition(Instant.ofEpochSecond(from));
        while (t != null && t.toEpochSecond() <= to) {
            list.add(t);
            t = rules.nextTransition(t.getInstant());
        }
        return list;
    }
}
