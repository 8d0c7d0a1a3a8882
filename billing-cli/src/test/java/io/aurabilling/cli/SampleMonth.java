package io.aurabilling.cli;

import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GenerationSummary;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import io.aurabilling.dataset.synthetic.SampleConfig;

import java.nio.file.Path;
import java.time.YearMonth;

/**
 * A small generated month shared by the tests of one JVM (generated once, under
 * {@code target/}): the datasets, the same month with another seed (every invoice differs),
 * and the sample configuration.
 */
final class SampleMonth {
    static final YearMonth PERIOD = YearMonth.of(2026, 10);
    static final long ROWS = 4000;
    static final Path ROOT = Path.of("target", "cli-test-month").toAbsolutePath();
    static final Path DATASETS = ROOT.resolve("datasets");
    static final Path OTHER_DATASETS = ROOT.resolve("other-datasets");
    static final Path CONFIG = ROOT.resolve("billing.yaml");
    static final GenerationSummary GENERATED;

    static {
        GENERATED = AuraMonthGenerator.generate(GeneratorOptions.of(DATASETS, PERIOD, ROWS).withThreads(2));
        AuraMonthGenerator.generate(GeneratorOptions.of(OTHER_DATASETS, PERIOD, ROWS).withSeed(7).withThreads(2));
        SampleConfig.write(CONFIG, GeneratorOptions.DEFAULT_OBS);
    }

    private SampleMonth() {
    }
}
