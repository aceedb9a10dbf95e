package io.customerclassification.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.bootstrap.CustomerClassification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code export} and {@code import} on a real store file: what each prints where, its exit status (0 done, 1 a file
 * or rows the store refuses — nothing written —, 2 a bad command line), and a round trip into another company.
 */
class DataCommandsTest {

    private static final String TYPES = "id,status,parentId\n"
            + "\"Gold, North\",active,Gold\n"
            + "Gold,,Reseller\n"
            + "Reseller,,\n"
            + "\"Two; \"\"quoted\"\"\",inactive,\n";

    @TempDir
    Path folder;

    record Run(int status, String out, String err) {}

    private Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = OperatorCommands.run(args, folder.resolve("store.db").toString(),
                location -> CustomerClassification.open(location.file()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The rows of a CSV export without their key, each company handing out keys of its own. */
    private static List<String> withoutKeys(String csv) {
        return List.of(csv.strip().split("\r?\n(?=\\d|key,)")).stream().map(row -> row.substring(row.indexOf(',') + 1))
                .toList();
    }

    @Test
    void typesGoOutAndBackInIntoAnotherCompany() throws IOException {
        assertEquals(0, run("", "companies", "add", "3", "Acme").status());
        Run imported = run("", "import", "--company", "0", "--resource", "customer-type",
                file("types.csv", "\uFEFF" + TYPES).toString());
        assertEquals(0, imported.status(), imported::toString);
        assertEquals("created 4 and updated 0 customer-type rows of company 0", imported.out().strip());
        List<String> progress = imported.err().lines().toList();
        assertEquals(2, progress.size(), imported.err());
        assertTrue(progress.get(0).matches("… 4 rows read in \\d+\\.\\d s; checking them"), imported.err());
        assertTrue(progress.get(1).matches("4 rows read and checked and written in \\d+\\.\\d s"), imported.err());

        Run exported = run("", "export", "--company", "0", "--resource", "customer-type");
        assertEquals(0, exported.status(), exported::toString);
        List<String> rows = withoutKeys(exported.out());
        assertEquals(List.of("\"Gold, North\",active,Gold", "\"Two; \"\"quoted\"\"\",inactive,",
                "Gold,active,Reseller", "Reseller,active,", "id,status,parentId"), rows.stream().sorted().toList(),
                exported.out());
        assertTrue(rows.indexOf("Reseller,active,") < rows.indexOf("Gold,active,Reseller")
                && rows.indexOf("Gold,active,Reseller") < rows.indexOf("\"Gold, North\",active,Gold"),
                "parents before children: " + rows);
        assertEquals("exported 4 customer-type rows of company 0", exported.err().strip());

        Run copied = run(exported.out(), "import", "--company", "3", "--resource", "customer-type", "-");
        assertEquals(0, copied.status(), copied::toString);
        assertEquals(rows.stream().sorted().toList(), withoutKeys(run("", "export", "--company", "3", "--resource",
                "customer-type").out()).stream().sorted().toList());
    }

    @Test
    void everyProblemIsPrintedWithItsRowAndFieldAndNothingIsWritten() throws IOException {
        run("", "import", "--company", "0", "--resource", "customer-type", file("types.csv", TYPES).toString());
        String before = run("", "export", "--company", "0", "--resource", "customer-type").out();
        Run refused = run("id,status,parentId\nNew,active,\nreseller,active,\nOrphan,asleep,Nowhere\n",
                "import", "--company", "0", "--resource", "customer-type");
        assertEquals(1, refused.status(), refused::toString);
        assertEquals("", refused.out());
        List<String> lines = refused.err().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("row 2 id: ")), refused.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("row 3 status: ")), refused.err());
        long problems = lines.stream().filter(l -> l.startsWith("row ")).count();
        assertEquals(problems + " problems; nothing was imported", lines.get(lines.size() - 1), refused.err());
        assertTrue(problems >= 2, refused.err());
        assertTrue(lines.get(0).startsWith("… 3 rows read in "), refused.err());
        assertEquals(before, run("", "export", "--company", "0", "--resource", "customer-type").out());
    }

    @Test
    void profilesAsJsonWithADryRunAndAnUpsert() {
        String json = "[{\"Name\": \"Gold\", \"Archived\": false}, {\"Name\": \"Ünter\", \"Archived\": true}]";
        Run dry = run(json, "import", "--company", "0", "--resource", "customer-profile", "--format", "json",
                "--dry-run");
        assertEquals(0, dry.status(), dry::toString);
        assertEquals("dry run: would create 2 and update 0 customer-profile rows of company 0", dry.out().strip());
        assertTrue(dry.err().strip().matches("(?s)… 2 rows read in .*\n2 rows read and checked in \\d+\\.\\d s"),
                dry.err());
        assertEquals("[]", run("", "export", "--company", "0", "--resource", "customer-profile", "--format",
                "json").out().strip(), "a dry run writes nothing");

        assertEquals(0, run(json, "import", "--company", "0", "--resource", "customer-profile", "--format", "json")
                .status());
        Run upsert = run("Name,Archived\ngold,true\nSilver,false\n", "import", "--company", "0", "--resource",
                "customer-profile", "--mode", "upsert");
        assertEquals("created 1 and updated 1 customer-profile rows of company 0", upsert.out().strip(),
                upsert::toString);
        assertEquals("[{\"ID\":1,\"Name\":\"Gold\",\"Archived\":true},{\"ID\":2,\"Name\":\"Ünter\",\"Archived\":true},"
                + "{\"ID\":3,\"Name\":\"Silver\",\"Archived\":false}]", run("", "export", "--company", "0",
                "--resource", "customer-profile", "--format", "json").out().strip());
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWhole() throws IOException {
        Run missing = run("", "import", "--company", "0", "--resource", "customer-type",
                folder.resolve("nowhere.csv").toString());
        assertEquals(1, missing.status(), missing::toString);
        assertTrue(missing.err().startsWith("error: cannot read "), missing.err());
        Path latin1 = folder.resolve("latin1.csv");
        Files.write(latin1, "id\nR\u00e9seller\n".getBytes(StandardCharsets.ISO_8859_1));
        Run notUtf8 = run("", "import", "--company", "0", "--resource", "customer-type", latin1.toString());
        assertEquals(1, notUtf8.status(), notUtf8::toString);
        assertTrue(notUtf8.err().contains("is not UTF-8"), notUtf8.err());
        Run badHeader = run("id,colour\nGold,red\n", "import", "--company", "0", "--resource", "customer-type");
        assertEquals(1, badHeader.status(), badHeader::toString);
        assertTrue(badHeader.err().startsWith("error: standard input is not valid CSV: the header names the unknown"
                + " column colour"), badHeader.err());
        assertEquals("", run("", "export", "--company", "0", "--resource", "customer-type").out().lines()
                .skip(1).reduce("", String::concat), "nothing was imported");
        Run unknownCompany = run("id\nGold\n", "import", "--company", "9", "--resource", "customer-type");
        assertEquals(1, unknownCompany.status(), unknownCompany::toString);
        assertEquals(1, run("", "export", "--company", "9", "--resource", "customer-type").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"export --resource customer-type", "export --company 0", "export --company x --resource"
            + " customer-type", "export --company 0 --resource customer-types", "export --company 0 --resource"
            + " customer-type --format xml", "import --company 0 --resource customer-type --mode merge",
            "import --company 0 --resource customer-type a.csv b.csv"})
    void aBadCommandLineIsExitStatusTwo(String args) {
        Run bad = run("", args.split(" "));
        assertEquals(2, bad.status(), bad::toString);
        assertTrue(bad.err().startsWith("error: "), bad.err());
    }
}
