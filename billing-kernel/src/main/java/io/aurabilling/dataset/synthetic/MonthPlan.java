package io.aurabilling.dataset.synthetic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

import io.aurabilling.usage.BillingPeriod;

/**
 * How many rows go where: the exact row total split over (UTC day, UTC hour, OB) cells
 * by the OBs' volumes and their local daily and weekly shapes. The plan is a few
 * thousand numbers, whatever the row count; the rows themselves are never held.
 */
final class MonthPlan {
    static final long MS_PER_HOUR = 3_600_000L;
    static final long MS_PER_DAY = 86_400_000L;

    final List<LocalDate> days;
    final List<SyntheticCatalog.ObProfile> obs;
    /** quotas[day][hour][ob]: rows of that OB in that UTC hour. */
    final long[][][] quotas;
    /** Per OB: first instant of the period in its zone (epoch ms, inclusive). */
    final long[] periodStartMs;
    /** Per OB: first instant after the period in its zone (epoch ms, exclusive). */
    final long[] periodEndMs;
    /** offsets[day][hour][ob]: the OB's UTC offset in seconds at the start of that hour. */
    final int[][][] offsets;
    /** Whether the offset stays the same for the whole hour (false only around a zone transition). */
    final boolean[][][] offsetStable;

    /**
     * Plans a month.
     *
     * @param options the generator options
     */
    MonthPlan(GeneratorOptions options) {
        LocalDate first = options.period().atDay(1).minusDays(1);
        LocalDate last = options.period().atEndOfMonth().plusDays(1);
        List<LocalDate> d = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            d.add(day);
        }
        this.days = List.copyOf(d);
        List<SyntheticCatalog.ObProfile> profiles = new ArrayList<>();
        for (String code : options.obs()) {
            profiles.add(SyntheticCatalog.ob(code));
        }
        this.obs = List.copyOf(profiles);
        int nd = days.size();
        int no = obs.size();
        periodStartMs = new long[no];
        periodEndMs = new long[no];
        for (int o = 0; o < no; o++) {
            BillingPeriod p = new BillingPeriod(options.period(), obs.get(o).zone());
            periodStartMs[o] = p.start().toEpochMilli();
            periodEndMs[o] = p.end().toEpochMilli();
        }
        offsets = new int[nd][24][no];
        offsetStable = new boolean[nd][24][no];
        double[] weights = new double[nd * 24 * no];
        LocalDate monthFirst = options.period().atDay(1);
        LocalDate monthLast = options.period().atEndOfMonth();
        for (int di = 0; di < nd; di++) {
            long dayStart = days.get(di).toEpochDay() * MS_PER_DAY;
            for (int h = 0; h < 24; h++) {
                long hourStart = dayStart + h * MS_PER_HOUR;
                for (int o = 0; o < no; o++) {
                    ZoneRules rules = obs.get(o).zone().getRules();
                    int off = rules.getOffset(Instant.ofEpochMilli(hourStart)).getTotalSeconds();
                    int offEnd = rules.getOffset(Instant.ofEpochMilli(hourStart + MS_PER_HOUR - 1)).getTotalSeconds();
                    offsets[di][h][o] = off;
                    offsetStable[di][h][o] = off == offEnd;
                    // the shape is taken at the middle of the hour, in the OB's local time
                    long mid = hourStart + MS_PER_HOUR / 2;
                    LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(mid, 1000L), 0,
                            ZoneOffset.ofTotalSeconds(rules.getOffset(Instant.ofEpochMilli(mid)).getTotalSeconds()));
                    LocalDate localDay = local.toLocalDate();
                    double inMonth;
                    if (!localDay.isBefore(monthFirst) && !localDay.isAfter(monthLast)) {
                        inMonth = 1.0;
                    } else if (localDay.equals(monthFirst.minusDays(1)) || localDay.equals(monthLast.plusDays(1))) {
                        inMonth = SyntheticCatalog.MARGIN_FACTOR;
                    } else {
                        inMonth = 0.0;
                    }
                    DayOfWeek dow = localDay.getDayOfWeek();
                    weights[(di * 24 + h) * no + o] = obs.get(o).volume() * inMonth
                            * SyntheticCatalog.HOUR_SHAPE[local.getHour()]
                            * SyntheticCatalog.WEEKDAY_SHAPE[dow.getValue() - 1];
                }
            }
        }
        long[] flat = Allocation.largestRemainder(weights, options.rows());
        quotas = new long[nd][24][no];
        for (int di = 0; di < nd; di++) {
            for (int h = 0; h < 24; h++) {
                for (int o = 0; o < no; o++) {
                    quotas[di][h][o] = flat[(di * 24 + h) * no + o];
                }
            }
        }
    }

    /**
     * Rows planned for a UTC day.
     *
     * @param day index in {@link #days}
     * @return the row count
     */
    long dayRows(int day) {
        long sum = 0;
        for (long[] hour : quotas[day]) {
            for (long q : hour) {
                sum += q;
            }
        }
        return sum;
    }
}
