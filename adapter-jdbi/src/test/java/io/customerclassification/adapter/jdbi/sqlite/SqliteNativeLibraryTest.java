package io.customerclassification.adapter.jdbi.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

@ResourceLock("system-properties")
class SqliteNativeLibraryTest {

    @TempDir
    Path folder;

    private String savedPath;
    private String savedName;

    @BeforeEach
    void clearProperties() {
        savedPath = System.clearProperty(SqliteNativeLibrary.PATH_PROPERTY);
        savedName = System.clearProperty(SqliteNativeLibrary.NAME_PROPERTY);
    }

    @AfterEach
    void restoreProperties() {
        restore(SqliteNativeLibrary.PATH_PROPERTY, savedPath);
        restore(SqliteNativeLibrary.NAME_PROPERTY, savedName);
    }

    @Test
    void copiesTheLibraryOnceAndPointsSqliteJdbcAtTheCopy() throws IOException {
        assertTrue(SqliteNativeLibrary.useCache(folder));

        Path library = Path.of(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY),
                System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
        assertTrue(library.startsWith(folder), library.toString());
        assertArrayEquals(libraryInJar(), Files.readAllBytes(library));
        long modified = Files.getLastModifiedTime(library).toMillis();

        clearProperties();
        assertTrue(SqliteNativeLibrary.useCache(folder));
        assertEquals(modified, Files.getLastModifiedTime(library).toMillis(), "a good copy is reused, not rewritten");
        assertEquals(1, filesUnder(folder), "no temporary file is left behind");
    }

    @Test
    void aDamagedCopyIsReplaced() throws IOException {
        assertTrue(SqliteNativeLibrary.useCache(folder));
        Path library = Path.of(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY),
                System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
        byte[] damaged = Files.readAllBytes(library);
        damaged[damaged.length / 2] ^= 0x55; // same size, different content: only the checksum tells
        Files.write(library, damaged);

        clearProperties();
        assertTrue(SqliteNativeLibrary.useCache(folder));
        assertArrayEquals(libraryInJar(), Files.readAllBytes(library));
    }

    @Test
    void anExplicitLocationWins() {
        System.setProperty(SqliteNativeLibrary.PATH_PROPERTY, "/somewhere/else");

        assertFalse(SqliteNativeLibrary.useCache(folder));
        assertEquals("/somewhere/else", System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertEquals(0, filesUnder(folder));
    }

    @Test
    void anUnwritableFolderLeavesSqliteJdbcToItsDefault() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");

        assertFalse(SqliteNativeLibrary.useCache(notAFolder.resolve("cache")));
        assertNull(System.getProperty(SqliteNativeLibrary.PATH_PROPERTY));
        assertNull(System.getProperty(SqliteNativeLibrary.NAME_PROPERTY));
    }

    private static byte[] libraryInJar() throws IOException {
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static long filesUnder(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
