package io.aurabilling.engine;

import io.aurabilling.ConfigurationException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The plugins of one kind (pricing model factories, invoice writers) by name: those
 * found with {@link ServiceLoader} through each given class loader, plus those
 * registered in code. A provider class found through several loaders counts once.
 *
 * <p>As with SLF4J 2's providers, nothing is silently ignored: two providers with the
 * same name, or a provider that fails to load, give a {@link ConfigurationException}
 * naming the classes involved and what to do.
 *
 * @param <T> the service type
 */
final class PluginCatalog<T> {
    private final String kind;
    private final Map<String, T> byName;

    private PluginCatalog(String kind, Map<String, T> byName) {
        this.kind = kind;
        this.byName = byName;
    }

    /**
     * Discovers and registers the plugins of one service type.
     *
     * @param service the service interface
     * @param kind what the plugins are, for messages (e.g. "pricing model")
     * @param nameOf how to get a plugin's name
     * @param loaders class loaders to search, in order (nulls skipped, duplicates searched once)
     * @param registered plugins registered in code
     * @param <T> the service type
     * @return the catalog
     * @throws ConfigurationException for a provider that fails to load or a duplicate name
     */
    static <T> PluginCatalog<T> load(Class<T> service, String kind, Function<T, String> nameOf,
                                     List<ClassLoader> loaders, List<T> registered) {
        requireNonNull(service, "service is null");
        List<T> found = new ArrayList<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        for (ClassLoader loader : new LinkedHashSet<>(loaders)) {
            if (loader == null) {
                continue;
            }
            Iterator<ServiceLoader.Provider<T>> it = ServiceLoader.load(service, loader).stream().iterator();
            while (true) {
                ServiceLoader.Provider<T> provider;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    provider = it.next();
                } catch (ServiceConfigurationError e) {
                    throw new ConfigurationException("a " + kind + " provider listed in META-INF/services/"
                            + service.getName() + " cannot be loaded: " + e.getMessage()
                            + "; fix the plugin jar or remove it from the classpath", e);
                }
                if (!seen.add(provider.type())) {
                    continue;
                }
                try {
                    found.add(provider.get());
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    throw new ConfigurationException("the " + kind + " provider " + provider.type().getName()
                            + " failed to load: " + rootMessage(e)
                            + "; fix the plugin or remove it from the classpath", e);
                }
            }
        }
        for (T plugin : registered) {
            // an instance of a class already found is the same plugin, not a duplicate
            if (seen.add(requireNonNull(plugin, "registered plugin is null").getClass())) {
                found.add(plugin);
            }
        }
        Map<String, T> byName = new TreeMap<>();
        for (T plugin : found) {
            String name;
            try {
                name = requireNonNull(nameOf.apply(plugin), "name is null");
            } catch (RuntimeException e) {
                throw new ConfigurationException("the " + kind + " provider " + plugin.getClass().getName()
                        + " has no usable name: " + rootMessage(e), e);
            }
            T previous = byName.putIfAbsent(name, plugin);
            if (previous != null) {
                throw new ConfigurationException("two " + kind + " providers are named '" + name + "': "
                        + previous.getClass().getName() + " and " + plugin.getClass().getName()
                        + "; remove one of them from the classpath or rename it");
            }
        }
        return new PluginCatalog<>(kind, byName);
    }

    /**
     * A plugin by name.
     *
     * @param name the name
     * @param where the configuration location that asked for it, for the message
     * @return the plugin
     * @throws ConfigurationException listing the available names when there is none
     */
    T get(String name, String where) {
        T plugin = byName.get(name);
        if (plugin == null) {
            throw new ConfigurationException(where + "unknown " + kind + " '" + name + "'; available: "
                    + String.join(", ", byName.keySet())
                    + ". A custom one must be on the classpath (META-INF/services) or registered on BillingEngine.builder()");
        }
        return plugin;
    }

    /** @return plugins by name, sorted */
    Map<String, T> all() {
        return java.util.Collections.unmodifiableMap(byName);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
