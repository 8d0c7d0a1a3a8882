package io.aurabilling.cli;

import io.aurabilling.BillingException;
import io.aurabilling.engine.LibraryVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * The {@code billing} command of {@code cli.md}: {@code demo}, {@code run}, {@code invoices list|get},
 * {@code preflight} and {@code generate}. Results go to stdout; progress (only on a terminal) and
 * errors go to stderr. Every failure prints one line on stderr and exits with the code of
 * {@code cli.md}: 2 usage or configuration, 3 input data, 4 remote service, 5 conflict
 * (1 is left for a bug, whose line says so).
 */
@Command(name = "billing", mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
        description = "Turns Aura usage logs into invoices for the Operating Businesses.",
        subcommands = {DemoCommand.class, RunCommand.class, InvoicesCommand.class, PreflightCommand.class,
                GenerateCommand.class},
        footer = {"", "Exit codes: 0 done (including unchanged), 2 usage or configuration error,",
                "3 input data error, 4 remote service error, 5 conflict."})
public final class BillingCommand implements Callable<Integer> {
    /** Exit code of an unexpected error (a bug): not one of the contract's codes. */
    public static final int INTERNAL_ERROR = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also print the libraries' warnings (e.g. Kernel retries) on stderr, and on failure the "
                    + "stack trace after the error line.")
    boolean verbose;

    /** Used by picocli. */
    public BillingCommand() {
    }

    /** Without a subcommand: prints the usage and fails as a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is needed: demo, run, invoices, preflight or generate");
    }

    /**
     * Runs the command and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            // before any logger exists: the libraries' warnings (retries, Azure SDK) join the stack trace
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.exit(execute(args, out, System.err));
    }

    /**
     * Runs the command in this JVM (the entry point of tests and embedding tools).
     *
     * @param args the command-line arguments
     * @param out where results go
     * @param err where errors and progress go
     * @return the exit code of {@code cli.md}
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        requireNonNull(args, "args is null");
        requireNonNull(out, "out is null");
        requireNonNull(err, "err is null");
        return commandLine(out, err).execute(args);
    }

    /**
     * The configured picocli command line: output streams, exit codes and one-line errors.
     *
     * @param out where results go
     * @param err where errors and progress go
     * @return the command line
     */
    public static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new BillingCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(BillingCommand::onFailure);
        cl.setParameterExceptionHandler(BillingCommand::onBadUsage);
        return cl;
    }

    /** A bad option or value: one line naming it and pointing at the command's help. */
    private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage())
                + "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        if (verbose(cmd.getParseResult())) {
            e.printStackTrace(cmd.getErr());
        }
        return 2;
    }

    /** A failure while running: the message on one line, the exit code of its kind. */
    private static int onFailure(Exception e, CommandLine cmd, ParseResult parseResult) {
        String name = cmd.getCommandSpec().qualifiedName();
        int code;
        String message;
        if (e instanceof BillingException) {
            code = ((BillingException) e).exitCode();
            message = e.getMessage();
        } else if (e instanceof CommandLine.ParameterException) {
            code = 2;
            message = e.getMessage() + "; see '" + name + " --help'";
        } else if (e instanceof UncheckedIOException) {
            // a file or folder the command needs cannot be read or written
            code = 3;
            message = e.getMessage() + "; check the path and its permissions";
        } else {
            code = INTERNAL_ERROR;
            message = "unexpected error " + e + "; this is a bug: re-run with --verbose and report the output";
        }
        cmd.getErr().println(name + ": " + oneLine(message));
        if (verbose(parseResult)) {
            e.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return code;
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Messages of the library may span lines; the contract wants one. */
    static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** {@code --version}: the library version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"billing " + LibraryVersion.get()};
        }
    }
}
