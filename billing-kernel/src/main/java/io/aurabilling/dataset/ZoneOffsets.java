package io.aurabilling.dataset;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Offsets of one time zone for hot loops: instant to local time and local time to instant,
 * with the zone's rules consulted only when a row leaves the last cached stretch between two
 * transitions. Fixed-offset zones never consult the rules. Not thread-safe: one per thread.
 */
final class ZoneOffsets {
    private final ZoneRules rules;
    private final boolean fixed;
    private final int fixedOffset;

    // last instant range [instantFrom, instantTo) with a single offset
    private long instantFrom = 1;
    private long instantTo = 0;
    private int instantOffset;

    // last local range [localFrom, localTo) where local time maps to exactly one offset
    private long localFrom = 1;
    private long localTo = 0;
    private int localOffset;

    ZoneOffsets(ZoneId zone) {
        this.rules = requireNonNull(zone, "zone is null").getRules();
        this.fixed = rules.isFixedOffset();
        this.fixedOffset = fixed ? rules.getOffset(Instant.EPOCH).getTotalSeconds() : 0;
    }

    /**
     * The offset in force at an instant.
     *
     * @param epochSecond the instant
     * @return the offset in seconds
     */
    int offsetAt(long epochSecond) {
        if (fixed) {
            return fixedOffset;
        }
        if (epochSecond >= instantFrom && epochSecond < instantTo) {
            return instantOffset;
        }
        Instant instant = Instant.ofEpochSecond(epochSecond);
        int offset = rules.getOffset(instant).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        instantFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        instantTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        instantOffset = offset;
        return offset;
    }

    /**
     * The instant of a local date-time, resolved like {@link java.time.ZonedDateTime#ofLocal}
     * without a preferred offset: in an overlap the earlier offset, in a gap the local time is
     * moved forward by the length of the gap.
     *
     * @param localSecond seconds of the local date-time since 1970-01-01T00:00 (local)
     * @return the epoch second
     */
    long toEpochSecond(long localSecond) {
        if (fixed) {
            return localSecond - fixedOffset;
        }
        if (localSecond >= localFrom && localSecond < localTo) {
            return localSecond - localOffset;
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1) {
            int offset = valid.get(0).getTotalSeconds();
            cacheLocalRange(localSecond - offset, offset);
            return localSecond - offset;
        }
        if (valid.size() > 1) {
            // overlap: the earlier offset, as ZonedDateTime does
            return localSecond - valid.get(0).getTotalSeconds();
        }
        // gap: shift forward by the gap's length, i.e. use the offset before the transition
        ZoneOffsetTransition gap = rules.getTransition(local);
        return localSecond - gap.getOffsetBefore().getTotalSeconds();
    }

    private void cacheLocalRange(long epochSecond, int offset) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        // local times at or after prev + max(before, after) and before next + min(before, after)
        // are unaffected by either transition's gap or overlap
        localFrom = previous == null ? Long.MIN_VALUE
                : previous.toEpochSecond() + Math.max(previous.getOffsetBefore().getTotalSeconds(),
                previous.getOffsetAfter().getTotalSeconds());
        localTo = next == null ? Long.MAX_VALUE
                : next.toEpochSecond() + Math.min(next.getOffsetBefore().getTotalSeconds(),
                next.getOffsetAfter().getTotalSeconds());
        localOffset = offset;
    }
}
