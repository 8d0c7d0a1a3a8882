package io.aurabilling.pricing.builtin;

import io.aurabilling.pricing.PricingModelFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package as a whole: registration and the no-double rule. */
class BuiltinModelsTest {

    private static final Set<Class<?>> FLOATING = Set.of(double.class, float.class, Double.class, Float.class);

    @Test
    void everyBuiltinModelIsFoundByServiceLoader() {
        Set<String> names = new TreeSet<>();
        for (PricingModelFactory factory : ServiceLoader.load(PricingModelFactory.class)) {
            if (factory.getClass().getPackageName().equals("io.aurabilling.pricing.builtin")) {
                names.add(factory.name());
            }
        }
        assertEquals(new TreeSet<>(List.of("cost-sharing", "flat-fee", "graduated", "package", "per-query", "volume")), names);
    }

    @Test
    void noPublicMethodTakesOrReturnsDoubleOrFloat() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> classes = builtinClasses();
        assertTrue(classes.size() >= 15, "found only " + classes);
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : classes) {
            List<Executable> members = new ArrayList<>(List.of(type.getMethods()));
            for (Constructor<?> c : type.getConstructors()) {
                members.add(c);
            }
            for (Executable member : members) {
                if (!Modifier.isPublic(member.getModifiers())) {
                    continue;
                }
                boolean returnsFloating = member instanceof Method m && FLOATING.contains(m.getReturnType());
                boolean takesFloating = Stream.of(member.getParameterTypes()).anyMatch(FLOATING::contains);
                if (returnsFloating || takesFloating) {
                    offenders.add(type.getSimpleName() + "." + member.getName());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    /** Every compiled class of the package, nested ones included. */
    private static List<Class<?>> builtinClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(RateCard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve("io/aurabilling/pricing/builtin");
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && !name.equals("package-info.class")) {
                    classes.add(Class.forName("io.aurabilling.pricing.builtin." + name.substring(0, name.length() - 6)));
                }
            }
        }
        return classes;
    }
}
