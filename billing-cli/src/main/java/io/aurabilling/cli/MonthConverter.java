package io.aurabilling.cli;

import io.aurabilling.dataset.AuraDatasets;
import picocli.CommandLine;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** Reads {@code --period YYYY-MM} strictly: four-digit year from 1700 to 2200, month 01 to 12. */
public final class MonthConverter implements CommandLine.ITypeConverter<YearMonth> {
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");

    /** Used by picocli. */
    public MonthConverter() {
    }

    @Override
    public YearMonth convert(String value) {
        YearMonth month = parse(value);
        if (month == null) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a month; expected YYYY-MM with a "
                    + "month from 01 to 12, e.g. 2026-10");
        }
        if (!AuraDatasets.isSupported(month)) {
            // the readers' limit: say so here rather than fail later as a bug
            throw new CommandLine.TypeConversionException("'" + value + "' is outside the supported years "
                    + AuraDatasets.FIRST_SUPPORTED_YEAR + "-" + AuraDatasets.LAST_SUPPORTED_YEAR
                    + "; expected YYYY-MM, e.g. 2026-10");
        }
        return month;
    }

    /** @return the month, or null when the text is not {@code YYYY-MM} with a month from 01 to 12 */
    private static YearMonth parse(String value) {
        if (value == null || !MONTH.matcher(value).matches()) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
