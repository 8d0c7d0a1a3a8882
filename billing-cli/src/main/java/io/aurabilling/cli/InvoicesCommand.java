package io.aurabilling.cli;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.store.history.HistoryEntry;
import io.aurabilling.store.history.InvoiceHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;


/** {@code billing invoices}: the history of a store ({@code list}) and one revision's files ({@code get}). */
@Command(name = "invoices", mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
        description = "Invoice history: list the stored revisions, download one.",
        subcommands = {InvoicesCommand.ListCommand.class, InvoicesCommand.GetCommand.class})
public final class InvoicesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Used by picocli. */
    public InvoicesCommand() {
    }

    /** Without a subcommand: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: list or get");
    }

    /** The store options plus {@code --config FILE} to take the store from a configuration. */
    static final class StoreSelection {
        @Mixin
        StoreOptions store;

        @Option(names = "--config", paramLabel = "FILE",
                description = "Take the store from this billing.yaml's store: section (options override it).")
        Path config;

        /** @return the history of the selected store, read with the JSON and XLSX writers on the class path */
        InvoiceHistory history() {
            BillingConfig loaded = config == null ? null : BillingConfigLoader.load(config);
            return InvoiceHistory.of(store.open(loaded).store(), writers());
        }

        /** The writers do not matter for reading, but the history needs the JSON one to exist. */
        private static List<InvoiceWriter> writers() {
            return List.of(new JsonInvoiceWriter());
        }
    }

    /** {@code billing invoices list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
            description = "Lists the stored revisions (latest, superseded, abandoned, interrupted), sorted by OB, "
                    + "period, number and revision.")
    static final class ListCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreSelection selection = new StoreSelection();

        @Option(names = "--ob", paramLabel = "CODE", description = "Only this OB.")
        String ob;

        @Option(names = "--period", paramLabel = "YYYY-MM", converter = MonthConverter.class, description = "Only this month.")
        YearMonth period;

        @Override
        public Integer call() {
            InvoiceHistory history = selection.history();
            List<HistoryEntry> entries = history.list(ob, period == null ? null : period.toString());
            PrintWriter out = spec.commandLine().getOut();
            for (HistoryEntry e : entries) {
                out.println(line(e));
            }
            out.flush();
            if (entries.isEmpty()) {
                spec.commandLine().getErr().println("no invoices" + (ob != null ? " of " + ob : "")
                        + (period != null ? " for " + period : "") + " in " + history.store().location());
                spec.commandLine().getErr().flush();
            }
            return 0;
        }

        /**
         * One history line, e.g. {@code BRA 2026-10 LIC-BRA-202610 r1 latest total=1140.33 EUR ob=BRA/…-r1.json ob=BRA/…-r1.xlsx}.
         *
         * @param e the entry
         * @return the line
         */
        static String line(HistoryEntry e) {
            String total = e.total() == null ? "total=?" : "total=" + e.total() + (e.currency() == null ? "" : " " + e.currency());
            return e.ob() + " " + e.period() + " " + e.number() + " r" + e.revision() + " "
                    + e.state().name().toLowerCase(Locale.ROOT) + " " + total + " " + String.join(" ", e.names());
        }
    }

    /** {@code billing invoices get}. */
    @Command(name = "get", mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
            description = "Downloads one revision (XLSX + JSON) into a folder, after checking each file's SHA-256.")
    static final class GetCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreSelection selection = new StoreSelection();

        @Parameters(index = "0", paramLabel = "NUMBER", description = "The invoice number, e.g. LIC-BRA-202610.")
        String number;

        @Option(names = "--revision", paramLabel = "N", description = "The revision (default: the latest).")
        Integer revision;

        @Option(names = "--to", required = true, paramLabel = "DIR", description = "The folder to write the files to.")
        Path to;

        @Override
        public Integer call() {
            if (revision != null && revision < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--revision must be 1 or more");
            }
            InvoiceHistory history = selection.history();
            OptionalInt wanted = revision == null ? OptionalInt.empty() : OptionalInt.of(revision);
            List<Path> written;
            try {
                written = history.downloadTo(number, wanted, to);
            } catch (InvoiceHistory.NotStoredException e) {
                // a number or revision that was never stored is a wrong argument (exit 2), not bad input data
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            for (Path p : written) {
                out.println("wrote " + p + " (sha256 checked)");
            }
            out.flush();
            return 0;
        }
    }
}
