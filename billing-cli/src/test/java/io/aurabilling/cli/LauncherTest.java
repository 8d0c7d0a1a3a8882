package io.aurabilling.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code ./billing} launcher as a process, on a copy of the sources (as a fresh
 * clone has them: poms, sources, the launcher; no {@code target/}), so that its Maven build
 * never touches the build running this test.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {
    @TempDir
    Path work;

    @Test
    void buildsTheJarOnAFreshCopyThenRunsTheDemo() throws IOException, InterruptedException {
        Path repo = work.resolve("repo");
        copySources(Path.of("..").toAbsolutePath().normalize(), repo);

        Process help = run(repo, repo, "./billing", "--help");
        assertTrue(help.waitFor(15, TimeUnit.MINUTES), "the launcher did not finish building in 15 minutes");
        String helpOut = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String helpErr = new String(help.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, help.exitValue(), helpOut + helpErr);
        assertTrue(helpOut.startsWith("Usage: billing"), helpOut);
        // Maven's output is shown only when the build fails
        assertEquals("", helpErr);
        assertTrue(Files.isRegularFile(repo.resolve("billing-cli/target/billing.jar")));

        Path cwd = Files.createDirectories(work.resolve("user"));
        Process demo = run(repo, cwd, repo.resolve("billing").toString(), "demo");
        assertTrue(demo.waitFor(5, TimeUnit.MINUTES), "the demo did not finish in 5 minutes");
        String out = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(demo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, demo.exitValue(), out + err);
        // no logging noise (e.g. "Log4j API could not find a logging provider")
        assertEquals("", err);
        List<String> lines = out.lines().toList();
        assertTrue(lines.get(0).startsWith("ARG LIC-ARG-202610 r1 "), out);
        assertTrue(lines.get(lines.size() - 1).startsWith("rows read=" + DemoCommand.ROWS + " "), out);
        assertTrue(Files.isRegularFile(cwd.resolve("demo-out/invoices/ob=BRA/period=2026-10/LIC-BRA-202610-r1.xlsx")));
    }

    private static Process run(Path repo, Path cwd, String... command) throws IOException {
        // output is read after the end: keep it in files so that a full pipe never blocks the process
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        Path out = Files.createTempFile(repo.getParent(), "out", ".txt");
        Path err = Files.createTempFile(repo.getParent(), "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        return new FileBackedProcess(p, out, err);
    }

    /** Copies the root pom, the launcher and every module's pom and src. */
    private static void copySources(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(from.resolve("pom.xml"), to.resolve("pom.xml"));
        Files.copy(from.resolve("billing"), to.resolve("billing"), StandardCopyOption.COPY_ATTRIBUTES);
        try (Stream<Path> modules = Files.list(from)) {
            for (Path module : modules.filter(p -> p.getFileName().toString().startsWith("billing-")
                    && Files.isRegularFile(p.resolve("pom.xml"))).sorted().toList()) {
                Path target = to.resolve(module.getFileName().toString());
                Files.createDirectories(target);
                Files.copy(module.resolve("pom.xml"), target.resolve("pom.xml"));
                if (Files.isDirectory(module.resolve("src"))) {
                    try (Stream<Path> walk = Files.walk(module.resolve("src"))) {
                        for (Path p : walk.toList()) {
                            Path dest = target.resolve(module.relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(dest);
                            } else {
                                Files.copy(p, dest);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A process whose stdout and stderr were redirected to files. */
    private static final class FileBackedProcess extends Process {
        private final Process process;
        private final Path out;
        private final Path err;

        FileBackedProcess(Process process, Path out, Path err) {
            this.process = process;
            this.out = out;
            this.err = err;
        }

        @Override
        public java.io.OutputStream getOutputStream() {
            return process.getOutputStream();
        }

        @Override
        public java.io.InputStream getInputStream() {
            return open(out);
        }

        @Override
        public java.io.InputStream getErrorStream() {
            return open(err);
        }

        private static java.io.InputStream open(Path file) {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public int waitFor() throws InterruptedException {
            return process.waitFor();
        }

        @Override
        public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
            boolean done = process.waitFor(timeout, unit);
            if (!done) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
            return done;
        }

        @Override
        public int exitValue() {
            return process.exitValue();
        }

        @Override
        public void destroy() {
            process.destroy();
        }
    }
}
