package io.customerclassification.adapter.http.simpro;

import static io.customerclassification.adapter.http.simpro.SimproHarness.BASE;
import static io.customerclassification.adapter.http.simpro.SimproHarness.assertError;
import static io.customerclassification.adapter.http.simpro.SimproHarness.create;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CONTRACT §3.3 in the Simpro dialect: {@code POST …/customerProfiles/import}, JSON or CSV, all or nothing. */
class SimproImportTest {

    private static final String C3 = "/api/v1.0/companies/3/setup/customerProfiles/";
    private final SimproHarness harness = new SimproHarness();

    SimproImportTest() {
        harness.app.persistence().registerCompany(new Company(CompanyId.of(3), Name.of("Acme")));
    }

    private static Reply send(ApiClient api, String path, String body, String contentType) {
        return api.send("POST", path, body, contentType, Map.of());
    }

    private static Reply export(ApiClient api, String base, String accept) {
        return api.send("GET", base + "export", (String) null, null, Map.of("Accept", accept));
    }

    @Test
    void aCsvExportImportsIntoAnotherCompanyQuotesAndAllAndAgainChangesNothing() {
        harness.run(api -> {
            for (String name : List.of("Plain", "Comma, Inc.", "Say \\\"cheese\\\"", "Ünïcødé 名前 👍")) {
                create(api, name);
            }
            api.patch(BASE + "2", "{\"Archived\": true}");
            String csv = export(api, BASE, "text/csv").body();
            Reply imported = send(api, C3 + "import", csv, "text/csv");
            assertEquals(200, imported.status(), imported.body());
            assertEquals("{\"created\":4,\"updated\":0}", imported.body());
            assertEquals(SimproExportTest.csv(csv).stream().map(row -> row.subList(1, 3)).toList(),
                    SimproExportTest.csv(export(api, C3, "text/csv").body()).stream().map(row -> row.subList(1, 3))
                            .toList(), "the same names and flags, under the other company's ids");
            assertEquals("{\"created\":0,\"updated\":0}", send(api, C3 + "import?mode=upsert", csv, "text/csv").body());
            Reply again = send(api, C3 + "import", csv, "text/csv");
            assertEquals(422, again.status(), again.body());
            assertEquals(4, again.json().get("errors").size(), "each name exists: four problems at once");
            assertError(again, 422, "/rows/4/Name", "Name already exists.");
        });
    }

    @Test
    void jsonRowsWithABomUpsertAndADryRunThatWritesNothing() {
        harness.run(api -> {
            create(api, "Gold");
            String rows = "[{\"ID\": 99, \"Name\": \"GOLD\", \"Archived\": true}, {\"Name\": \"Silver\"}]";
            assertEquals("{\"created\":1,\"updated\":1}",
                    send(api, BASE + "import?mode=upsert&dryRun=true", rows, "application/json").body());
            assertEquals("[{\"ID\":1,\"Name\":\"Gold\",\"Archived\":false}]", export(api, BASE, "application/json").body());
            Reply applied = api.send("POST", BASE + "import?mode=upsert",
                    ("\uFEFF" + rows).getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8", Map.of());
            assertEquals("{\"created\":1,\"updated\":1}", applied.body());
            assertEquals("[{\"ID\":1,\"Name\":\"Gold\",\"Archived\":true},{\"ID\":2,\"Name\":\"Silver\",\"Archived\":false}]",
                    export(api, BASE, "application/json").body(), "ID ignored, the stored spelling kept");
        });
    }

    @Test
    void everyProblemOfEveryRowIsListedWithItsPathAndNothingIsWritten() {
        harness.run(api -> {
            String csv = "\uFEFFName,Archived\r\nGood,false\r\n,maybe\r\n\"Line\nbreak\",TRUE\r\ngood,\r\n";
            Reply reply = send(api, BASE + "import", csv, "text/csv");
            assertEquals(422, reply.status(), reply.body());
            assertEquals("{\"errors\":[{\"path\":\"/rows/2/Name\",\"message\":\"Name must not be empty.\",\"value\":null},"
                    + "{\"path\":\"/rows/2/Archived\",\"message\":\"Archived must be true or false.\",\"value\":null},"
                    + "{\"path\":\"/rows/3/Name\",\"message\":\"Name must not contain control characters.\",\"value\":null},"
                    + "{\"path\":\"/rows/4/Name\",\"message\":\"Name is also the Name of row 1.\",\"value\":null}]}",
                    reply.body());
            assertEquals("[]", export(api, BASE, "application/json").body());
        });
    }

    @Test
    void bodiesThatAreNoRowsAreRefusedWhole() {
        harness.run(api -> {
            assertError(send(api, BASE + "import", "ID,Name,Colour\n1,Gold,red\n", "text/csv"), 422, null,
                    "Request body is not valid CSV: the header names the unknown column Colour; the columns are"
                            + " ID,Name,Archived");
            assertError(send(api, BASE + "import", "ID,Archived\n1,true\n", "text/csv"), 422, null,
                    "Request body is not valid CSV: the header lacks the column Name");
            assertError(send(api, BASE + "import", "Name\nGold,extra\n", "text/csv"), 422, null,
                    "Request body is not valid CSV: row 1 has 2 fields; the header has 1");
            assertError(send(api, BASE + "import", "", "text/csv"), 422, null,
                    "Request body is not valid CSV: it has no header row");
            assertError(send(api, BASE + "import", "{\"Name\": \"Gold\"}", "application/json"), 422, null,
                    "Request body is not valid JSON: it must be an array of rows");
            assertError(send(api, BASE + "import", "[{\"Name\": \"Gold\", \"Colour\": 1}]", "application/json"), 422,
                    null, "Request body is not valid JSON: row 1 has the unknown member Colour; a row has ID, Name,"
                            + " Archived");
            assertError(api.send("POST", BASE + "import", new byte[] {'N', 'a', 'm', 'e', '\n', (byte) 0xFF, '\n'},
                    "text/csv", Map.of()), 422, null,
                    "Request body is not valid UTF-8: byte 0xFF at line 2, column 1 is no UTF-8 character");
            assertError(send(api, BASE + "import", "Name\nGold\n", "text/plain"), 415, null,
                    "Content-Type must be application/json or text/csv.");
            assertError(send(api, BASE + "import?mode=merge&dryRun=yes", "Name\nGold\n", "text/csv"), 422, "/mode",
                    "mode must be create or upsert.");
            assertEquals("[]", export(api, BASE, "application/json").body());
        });
    }

    @Test
    void moreRowsThanAnImportTakesIs413AndABodyAboveTheLimitToo() {
        harness.run(api -> {
            String many = "Name\n" + "x\n".repeat(100_001);
            assertError(send(api, BASE + "import", many, "text/csv"), 413, null,
                    "Request body is too large: it has more than 100000 rows; split the import");
            String megabyteLine = "Name\n" + "x".repeat(1024 * 1024) + "\n";
            assertEquals(413, send(api, BASE + "import", megabyteLine, "text/csv").status());
            assertEquals("[]", export(api, BASE, "application/json").body());
        });
    }

    @Test
    void onlyPostIsServedOnImportAndTheItemRoutesStillAnswer() {
        harness.run(api -> {
            Reply get = api.get(BASE + "import");
            assertError(get, 405, null, "Method GET is not allowed here; allowed: POST.");
            assertEquals("POST", get.header("Allow"));
            assertError(send(api, "/api/v1.0/companies/9/setup/customerProfiles/import", "Name\nGold\n", "text/csv"),
                    404, null, "Company not found.");
            create(api, "Gold");
            assertEquals(200, api.get(BASE + "1").status());
            assertError(api.patch(BASE + "import", "{\"Name\": \"x\"}"), 405, null,
                    "Method PATCH is not allowed here; allowed: POST.");
        });
    }
}
