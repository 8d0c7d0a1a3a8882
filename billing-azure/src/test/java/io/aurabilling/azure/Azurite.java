package io.aurabilling.azure;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Azurite blob service for the tests, on loopback. Finds {@code azurite-blob}
 * (system property or environment variable {@code AZURITE_BLOB}, else
 * {@code <repo root>/target/azurite/node_modules/.bin/azurite-blob}), installs
 * {@code azurite@3.37.0} there with npm when it is missing, starts it on a free port and
 * stops it on {@link #close()}. Without npm the tests are skipped, or fail when {@code CI}
 * is {@code true}.
 */
final class Azurite implements AutoCloseable {
    /** The emulator's well-known account key (public, documented by Microsoft). */
    static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    static final String VERSION = "3.37.0";
    private static final Pattern LISTENING = Pattern.compile("(?:listening at|listens on) https?://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final int port;
    private final List<String> output;

    private Azurite(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /**
     * Starts Azurite.
     *
     * @param location a folder to persist to, or {@code null} for in-memory
     * @param port the port, or 0 for any free one
     * @return the running emulator
     */
    static Azurite start(Path location, int port) throws Exception {
        Path binary = binary();
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--blobHost", "127.0.0.1",
                "--blobPort", Integer.toString(port), "--skipApiVersionCheck", "--loose", "--disableTelemetry"));
        if (location == null) {
            command.addAll(List.of("--inMemoryPersistence", "--extentMemoryLimit", "256"));
        } else {
            command.addAll(List.of("--location", location.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> chosen = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        chosen.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            chosen.completeExceptionally(new IllegalStateException("azurite-blob exited: " + output));
        }, "azurite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Azurite(process, chosen.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            destroy(process);
            throw new IllegalStateException("azurite-blob did not start: " + output, e);
        }
    }

    int port() {
        return port;
    }

    String blobEndpoint() {
        return "http://127.0.0.1:" + port + "/devstoreaccount1";
    }

    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=" + blobEndpoint() + ";";
    }

    @Override
    public void close() {
        destroy(process);
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Finds azurite-blob, installing it under the repository's target folder if needed. */
    static synchronized Path binary() throws Exception {
        String configured = System.getProperty("AZURITE_BLOB", System.getenv("AZURITE_BLOB"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path prefix = repoRoot().resolve("target/azurite");
        Path binary = prefix.resolve("node_modules/.bin/azurite-blob");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!commandExists("npm")) {
            String why = "npm is not installed, so Azurite " + VERSION + " cannot be installed for the Azure store tests; "
                    + "install Node.js and npm, or set AZURITE_BLOB to an azurite-blob executable";
            if (ci) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        Files.createDirectories(prefix);
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(),
                "azurite@" + VERSION).redirectErrorStream(true).redirectOutput(prefix.resolve("npm-install.log").toFile()).start();
        if (!npm.waitFor(5, TimeUnit.MINUTES)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install azurite@" + VERSION + " took over 5 minutes; see "
                    + prefix.resolve("npm-install.log"));
        }
        if (npm.exitValue() != 0 || !Files.isExecutable(binary)) {
            throw new IllegalStateException("npm install azurite@" + VERSION + " failed; see " + prefix.resolve("npm-install.log"));
        }
        return binary;
    }

    private static boolean commandExists(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** The outermost folder with a pom.xml, starting from the module's working directory. */
    private static Path repoRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path root = dir;
        while (dir != null && Files.exists(dir.resolve("pom.xml"))) {
            root = dir;
            dir = dir.getParent();
        }
        return root;
    }

    static void checkNoSecret(String text) {
        if (text.contains(ACCOUNT_KEY) || text.contains("sig=") && !text.contains("sig=***")) {
            throw new AssertionError("a secret leaked into: " + text);
        }
    }

    List<String> output() {
        return List.copyOf(output);
    }

}
