package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.LONG_PREFIX;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.targets;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** CONTRACT §3.3 in the Intacct dialect: {@code POST …/customer-type/import}, JSON or CSV, all or nothing. */
class IntacctImportTest {

    private static final String IMPORT = OBJECTS + "/import";
    private static final String EXPORT = OBJECTS + "/export";
    private final IntacctHarness harness = new IntacctHarness();

    IntacctImportTest() {
        harness.registerCompany(3, "Acme");
    }

    private static Reply send(IntacctHarness.Client api, String path, String body, String contentType) {
        return api.send("POST", path, body, contentType);
    }

    private static String csvExport(IntacctHarness.Client api) {
        return api.send("GET", EXPORT, null, null, Map.of("Accept", "text/csv")).body();
    }

    private static List<String> messages(JsonNode error) {
        return StreamSupport.stream(error.get("details").spliterator(), false)
                .map(detail -> detail.get("message").asText()).toList();
    }

    @Test
    void aCsvExportImportsIntoAnotherEntityWithChildrenBeforeParentsAndTheCountsInMeta() {
        harness.run(api -> {
            Reply imported = send(api, IMPORT, "id,status,parentId\r\n\"Gold, North\",active,Gold\r\n"
                    + "Gold,active,Reseller\r\nReseller,active,\r\n\"Ünïcødé \"\"名前\"\"\",inactive,\r\n", "text/csv");
            assertEquals(200, imported.status(), imported.body());
            assertEquals(tree("{'ia::result':{'created':4,'updated':0},"
                    + "'ia::meta':{'totalCount':4,'totalSuccess':4,'totalError':0}}"), imported.json());
            String csv = csvExport(api);
            assertEquals("key,id,status,parentId\n1,Reseller,active,\n3,Gold,active,Reseller\n"
                    + "4,\"Gold, North\",active,Gold\n2,\"Ünïcødé \"\"名前\"\"\",inactive,\n", csv,
                    "keys given parents first, roots before their children");
            IntacctHarness.Client acme = api.entity("3");
            assertEquals(200, send(acme, LONG_PREFIX + IMPORT, csv, "text/csv; charset=utf-8").status());
            assertEquals(csv.replaceAll("\n[0-9]+,", "\n"), csvExport(acme).replaceAll("\n[0-9]+,", "\n"),
                    "the same tree in the other entity, under its own keys");
            String json = acme.send("GET", EXPORT, null, null, Map.of()).body();
            Reply upsert = send(acme, IMPORT + "?mode=upsert", json, "application/json");
            assertEquals(tree("{'created':0,'updated':0}"), upsert.json().get("ia::result"), upsert.body());
        });
    }

    @Test
    void everyProblemIsADetailPointingAtItsRowAndFieldAndNothingIsWritten() {
        harness.run(api -> {
            api.create("Existing", "active");
            Reply reply = send(api, IMPORT, "[{'id':'A','parentId':'C'},{'id':'B','parentId':'A'},"
                    .replace('\'', '"') + "{\"id\":\"C\",\"parentId\":\"B\"},{\"id\":\"existing\"},"
                    + "{\"id\":\"Off\",\"status\":\"inactive\"},{\"id\":\"On\",\"status\":\"active\",\"parentId\":\"off\"},"
                    + "{\"id\":\"Odd\",\"status\":\"sleeping\",\"parentId\":\"Nowhere\"}]", "application/json");
            JsonNode error = assertError(reply, 422, "importRejected", "CC-1423");
            assertEquals(List.of("/rows/1/parentId", "/rows/2/parentId", "/rows/3/parentId", "/rows/4/id",
                    "/rows/6/parentId", "/rows/7/status", "/rows/7/parentId"), targets(error), reply.body());
            List<String> messages = messages(error);
            assertTrue(messages.get(0).startsWith("parentId makes a cycle: "), messages.get(0));
            assertEquals("A customer type with id Existing already exists", messages.get(3));
            assertEquals("Active customer type On cannot be under inactive parent Off", messages.get(4));
            assertEquals("The import has 7 problem(s); nothing was written", error.get("message").asText());
            assertEquals("key,id,status,parentId\n1,Existing,active,\n", csvExport(api));
        });
    }

    @Test
    void aDryRunAnswersTheCountsAndWritesNothing() {
        harness.run(api -> {
            Reply reply = send(api, IMPORT + "?dryRun=true", "id\nA\nB\n", "text/csv");
            assertEquals(tree("{'created':2,'updated':0}"), reply.json().get("ia::result"), reply.body());
            assertEquals("key,id,status,parentId\n", csvExport(api));
        });
    }

    @Test
    void bodiesThatAreNoRowsAre400AndTooManyRows413() {
        harness.run(api -> {
            JsonNode error = assertError(send(api, IMPORT, "id,colour\nA,red\n", "text/csv"), 400, "invalidRequest",
                    "REST-1064");
            assertEquals("CC-1007", error.get("details").get(0).get("errorId").asText());
            assertEquals("The payload is not valid CSV: the header names the unknown column colour; the columns are"
                    + " key,id,status,parentId", error.get("details").get(0).get("message").asText());
            assertEquals("CC-1007", assertError(send(api, IMPORT, "id\n\"open\n", "text/csv"), 400, "invalidRequest",
                    "REST-1064").get("details").get(0).get("errorId").asText());
            assertEquals("CC-1003", assertError(send(api, IMPORT, "[1]", "application/json"), 400, "invalidRequest",
                    "REST-1064").get("details").get(0).get("errorId").asText());
            assertError(send(api, IMPORT, "id\n" + "x\n".repeat(100_001), "text/csv"), 413, "payloadTooLarge",
                    "CC-1414");
            assertError(send(api, IMPORT, "id\nA\n", "text/plain"), 415, "unsupportedMediaType", "CC-1415");
            assertEquals(List.of("mode"), targets(assertError(send(api, IMPORT + "?mode=merge", "id\nA\n", "text/csv"),
                    400, "invalidRequest", "REST-1064")));
            assertError(send(api.entity("9"), IMPORT, "id\nA\n", "text/csv"), 404, "notFound", "CC-1405");
            Reply get = api.get(IMPORT);
            assertError(get, 405, "methodNotAllowed", "CC-1406");
            assertEquals("POST", get.header("Allow"));
            assertEquals("key,id,status,parentId\n", csvExport(api));
        });
    }
}
