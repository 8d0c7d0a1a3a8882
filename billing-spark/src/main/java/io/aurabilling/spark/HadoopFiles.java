package io.aurabilling.spark;

import io.aurabilling.InputDataException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Driver-side file access through Hadoop's {@link FileSystem} (local, {@code abfss://}, {@code dbfs:/},
 * volumes…) with the session's Hadoop configuration.
 */
final class HadoopFiles {
    private HadoopFiles() {
    }

    /** The session's Hadoop configuration (with {@code spark.hadoop.*} settings), without a SparkContext. */
    static Configuration configuration(SparkSession spark) {
        try {
            return spark.sessionState().newHadoopConf();
        } catch (RuntimeException e) {
            // sessions that hide their state: the defaults plus spark.hadoop.* keys
            Configuration conf = new Configuration();
            scala.collection.Iterator<scala.Tuple2<String, String>> it = spark.conf().getAll().iterator();
            while (it.hasNext()) {
                scala.Tuple2<String, String> kv = it.next();
                if (kv._1().startsWith("spark.hadoop.")) {
                    conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
                }
            }
            return conf;
        }
    }

    static boolean exists(SparkSession spark, String path) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(configuration(spark)).exists(p);
        } catch (IOException e) {
            throw new InputDataException("cannot check " + path + ": " + e.getMessage()
                    + "; check the path and the cluster's access to it", e);
        }
    }

    /**
     * Every {@code *.avro} file below a folder (or the file itself), as fully qualified URI strings.
     *
     * @param spark the session
     * @param path the folder
     * @return the files, unsorted
     */
    static List<String> avroFiles(SparkSession spark, String path) {
        try {
            Path root = new Path(path);
            FileSystem fs = root.getFileSystem(configuration(spark));
            List<String> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus status = it.next();
                if (status.isFile() && status.getPath().getName().endsWith(".avro")) {
                    files.add(status.getPath().toUri().toString());
                }
            }
            return files;
        } catch (IOException e) {
            throw new InputDataException("cannot list " + path + ": " + e.getMessage()
                    + "; check the path and the cluster's access to it", e);
        }
    }

    /** The fully qualified URI string of a path. */
    static String qualified(SparkSession spark, String path) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(configuration(spark)).makeQualified(p).toUri().toString();
        } catch (IOException e) {
            throw new InputDataException("cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }

    /** The decoded path part of a qualified file URI string (what {@code _metadata.file_path} gives). */
    static String decodedPath(String uri) {
        try {
            String p = new URI(uri).getPath();
            return p != null ? p : uri;
        } catch (java.net.URISyntaxException e) {
            return new Path(uri).toUri().getPath();
        }
    }

    static InputStream open(Configuration conf, String uri) throws IOException {
        Path p;
        try {
            p = new Path(new URI(uri));
        } catch (java.net.URISyntaxException e) {
            p = new Path(uri);
        }
        return p.getFileSystem(conf).open(p, 1 << 16);
    }
}
