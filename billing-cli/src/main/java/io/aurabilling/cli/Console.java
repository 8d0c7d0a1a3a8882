package io.aurabilling.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person is watching the command's stderr. */
final class Console {
    private static final Path STDERR = Path.of("/proc/self/fd/2");

    private Console() {
    }

    /**
     * Whether stderr is a terminal, the only case progress is shown (cli.md). Java 17 has no
     * test for stderr itself ({@code System.console()} looks at stdin and stdout), so where the
     * process can see its own descriptors (Linux) stderr's target decides: a terminal device
     * ({@code /dev/pts/…}, {@code /dev/tty…}), not a pipe or a file. Elsewhere,
     * {@code System.console()}.
     *
     * @return whether stderr is a terminal
     */
    static boolean isTerminal() {
        if (Files.isSymbolicLink(STDERR)) {
            try {
                String target = Files.readSymbolicLink(STDERR).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // fall through to the portable test
            }
        }
        return System.console() != null;
    }
}
