package io.aurabilling.dataset;

import io.aurabilling.InputDataException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The local dataset folder of cli.md: {@code <DIR>/<Dataset>/**.avro}, any nesting below the
 * dataset folder; files not ending in {@code .avro} are ignored.
 */
public final class LocalDatasetFolder implements DatasetSource {
    private final Path root;

    private LocalDatasetFolder(Path root) {
        this.root = root;
    }

    /**
     * A source over a folder.
     *
     * @param root the folder holding one sub-folder per dataset
     * @return the source
     */
    public static LocalDatasetFolder of(Path root) {
        return new LocalDatasetFolder(requireNonNull(root, "root is null").toAbsolutePath().normalize());
    }

    /** @return the folder */
    public Path root() {
        return root;
    }

    @Override
    public boolean exists(String dataset) {
        return Files.isDirectory(root.resolve(requireNonNull(dataset, "dataset is null")));
    }

    @Override
    public List<DatasetFile> files(String dataset) {
        Path dir = root.resolve(requireNonNull(dataset, "dataset is null"));
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        // linked folders are read as the folders they point to (cli.md: any nesting is read); a loop
        // of links is an error naming the folder rather than an endless walk
        java.util.TreeMap<String, Path> byPath = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            walk.filter(p -> p.getFileName().toString().endsWith(".avro") && Files.isRegularFile(p))
                    .forEach(p -> byPath.put(dir.relativize(p).toString().replace('\\', '/'), p));
            // a file reached twice (a link to a folder inside the dataset, e.g. latest -> DAY_DT=…)
            // is read once, under its first path in path order
            java.util.Set<Path> seen = new java.util.HashSet<>();
            List<DatasetFile> files = new ArrayList<>();
            for (var e : byPath.entrySet()) {
                Path p = e.getValue();
                if (seen.add(p.toRealPath())) {
                    files.add(new DatasetFile(e.getKey(), () -> new BufferedInputStream(Files.newInputStream(p), 1 << 16)));
                }
            }
            return List.copyOf(files);
        } catch (IOException | UncheckedIOException e) {
            throw new InputDataException("cannot list dataset folder " + dir + ": " + e.getMessage()
                    + "; check that it exists and is readable", e);
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }
}
