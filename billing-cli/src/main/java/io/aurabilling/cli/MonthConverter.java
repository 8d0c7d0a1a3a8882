package io.aurabilling.cli;

import io.aurabilling.dataset.AuraDatasets;
import picocli.CommandLine;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Reads {@code --period YYYY-MM} strictly: four-digit year from 1700 to 2200, month 01 to 12. */
public final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final int FIRST_YEAR = AuraDatasets.FIRST_SUPPORTED_YEAR;
    private static final int LAST_YEAR = AuraDatasets.LAST_SUPPORTED_YEAR;

    /** Used by picocli. */
    public MonthConverter() {
    }

    @Override
    public YearMonth convert(String value) {
        if (value != null && MONTH.matcher(value).matches()) {
            YearMonth month = null;
            try {
                month = YearMonth.parse(value);
            } catch (DateTimeException e) {
                // falls through to the one message below
            }
            if (month != null && (month.getYear() < FIRST_YEAR || month.getYear() > LAST_YEAR)) {
                // the readers' limit: say so here rather than fail later as a bug
                throw new CommandLine.TypeConversionException("'" + value + "' is outside the supported years "
                        + FIRST_YEAR + "-" + LAST_YEAR + "; expected YYYY-MM, e.g. 2026-10");
            }
            if (month != null) {
                return month;
            }
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not a month; expected YYYY-MM with a month "
                + "from 01 to 12, e.g. 2026-10");
    }
}
