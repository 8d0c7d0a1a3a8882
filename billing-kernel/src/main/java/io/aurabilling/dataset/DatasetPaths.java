package io.aurabilling.dataset;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * What the relative path of a dataset file tells: its {@code DAY_DT=YYYY-MM-DD} folder day and a
 * version folder ({@code version=6}, {@code v6}) right below the dataset root.
 */
final class DatasetPaths {
    private static final String DAY_PREFIX = "DAY_DT=";

    private DatasetPaths() {
    }

    /**
     * The day of the innermost {@code DAY_DT=YYYY-MM-DD} folder of a path.
     *
     * @param relativePath a {@code /}-separated path
     * @return the day, or {@code null} when no folder names a valid day
     */
    static LocalDate folderDay(String relativePath) {
        String[] parts = relativePath.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            String part = parts[i];
            if (part.startsWith(DAY_PREFIX) && part.length() == DAY_PREFIX.length() + 10) {
                try {
                    return LocalDate.parse(part.substring(DAY_PREFIX.length()));
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The version named by the first folder below the dataset root: {@code version=6} or {@code v6}
     * (also {@code v6.0.0}) give {@code 6} ({@code 6.0.0}).
     *
     * @param relativePath a {@code /}-separated path
     * @return the version, or {@code null} when the first folder does not look like one
     */
    static String folderVersion(String relativePath) {
        int slash = relativePath.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String first = relativePath.substring(0, slash);
        if (first.startsWith("version=") && first.length() > "version=".length()) {
            return first.substring("version=".length());
        }
        if ((first.charAt(0) == 'v' || first.charAt(0) == 'V') && first.length() > 1
                && isAsciiDigit(first.charAt(1))) {
            for (int i = 1; i < first.length(); i++) {
                char c = first.charAt(i);
                if (!(isAsciiDigit(c) || c == '.')) {
                    return null;
                }
            }
            return first.substring(1);
        }
        return null;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
