package io.customerclassification.adapter.jdbi.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where SQLite's native library is loaded from. Left alone, sqlite-jdbc copies the library out of its jar into
 * the temporary folder on every start and checks the copy byte by byte, which slows every start, and a process
 * that is killed leaves its copy behind. {@link #useCache} keeps one verified copy per library build
 * in a folder of the caller's and points sqlite-jdbc at it.
 */
public final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeLibrary() {}

    /**
     * Makes sqlite-jdbc load its native library from {@code folder}, copying it there first unless a copy with
     * the same size and CRC-32 as the one in the jar is already there. Call it before the first database is
     * opened. Does nothing, and returns false, when the library location was set explicitly (the system
     * properties {@code org.sqlite.lib.path} / {@code org.sqlite.lib.name} win), when the library is not in a
     * jar, or when the folder cannot be written; sqlite-jdbc then extracts it as usual. Should loading the
     * cached copy fail anyway, sqlite-jdbc falls back to extracting it.
     *
     * @return whether the cached copy will be used
     */
    public static boolean useCache(Path folder) {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return false;
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        URL url = SQLiteJDBCLoader.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
        if (url == null || !"jar".equals(url.getProtocol())) {
            return false;
        }
        try {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            JarEntry entry = connection.getJarEntry();
            long crc = entry.getCrc();
            long size = entry.getSize();
            if (crc < 0 || size < 0) {
                return false;
            }
            Path dir = folder.resolve("sqlite-" + String.format(Locale.ROOT, "%08x", crc));
            Path library = dir.resolve(name);
            if (!matches(library, size, crc)) {
                createOwnerOnly(dir);
                Path part = Files.createTempFile(dir, name, ".part");
                try {
                    try (InputStream in = connection.getInputStream()) {
                        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (!matches(part, size, crc)) {
                        return false;
                    }
                    Files.move(part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(part);
                }
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            System.setProperty(NAME_PROPERTY, name);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean matches(Path file, long size, long crc) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != size) {
            return false;
        }
        CRC32 checksum = new CRC32();
        checksum.update(Files.readAllBytes(file));
        return checksum.getValue() == crc;
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        }
    }
}
