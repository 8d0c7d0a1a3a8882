package io.aurabilling.cli;

/** Whether a person is watching the command's stderr. */
final class Console {
    private Console() {
    }

    /** @return whether the process runs at a terminal, the only case progress is shown */
    static boolean isTerminal() {
        return System.console() != null;
    }
}
