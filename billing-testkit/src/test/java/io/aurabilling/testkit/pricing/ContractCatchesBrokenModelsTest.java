package io.aurabilling.testkit.pricing;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs the whole jqwik contract in-process against deliberately broken models and checks
 * which properties fail: exactly those whose rule the model breaks.
 */
class ContractCatchesBrokenModelsTest {

    @Test
    void negativeAmountsAreCaughtUnlessDeclared() {
        assertEquals(Set.of("amountsAreNotNegative", "invoiceAddsUp"), failures(BrokenContractCases.CreditCase.class));
        assertEquals(Set.of(), failures(BrokenContractCases.DeclaredCreditCase.class));
    }

    @Test
    void orderDependenceIsCaught() {
        assertEquals(Set.of("resultDoesNotDependOnCellOrder"), failures(BrokenContractCases.FirstCellCase.class));
    }

    @Test
    void nonDeterminismIsCaught() {
        // a drifting model also prices differently when the order check prices it again
        assertEquals(Set.of("pricingIsDeterministic", "resultDoesNotDependOnCellOrder"),
                failures(BrokenContractCases.DriftingCase.class));
    }

    @Test
    void chargingUnusedComponentsIsCaught() {
        assertEquals(Set.of("amountsAreExact", "emptyUsageIsNotCharged", "invoiceAddsUp"),
                failures(BrokenContractCases.PhantomCase.class));
    }

    /** The names of the properties that failed when running the contract on a class. */
    private static Set<String> failures(Class<?> contract) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(contract))
                .configurationParameter("jqwik.tries.default", "200")
                .build();
        Set<String> failed = new TreeSet<>();
        Set<String> run = new TreeSet<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    run.add(id.getDisplayName());
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failed.add(id.getDisplayName());
                    }
                }
            }
        });
        assertEquals(8, run.size(), () -> "the contract's checks that ran on " + contract.getSimpleName() + ": " + run);
        return failed;
    }
}
