package io.customerclassification.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.adapter.jdbi.PostgresTestDatabase;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACT §3.3 end to end over PostgreSQL: a server over a new database, CSV with quotes, commas, a byte order mark
 * and non-ASCII names imported into one company, exported, and imported again into another, in both dialects; a row
 * problem refuses the whole file.
 */
class PostgresExportImportEndToEndTest {

    private static final String TYPES = "/objects/accounts-receivable/customer-type";

    @TempDir
    Path folder;

    private PostgresTestDatabase database;
    private IdentityServer server;

    @AfterEach
    void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private Http start() {
        database = PostgresTestDatabase.create();
        server = IdentityServer.start(folder, database.url(), "--company", "3=Acme");
        return server.http();
    }

    private Reply csv(Http http, String method, String path, String body, int company) {
        Map<String, String> headers = new LinkedHashMap<>(server.asAdmin());
        headers.put("X-IA-API-Param-Entity", Integer.toString(company));
        headers.put("Accept", "text/csv");
        if (body != null) {
            headers.put("Content-Type", "text/csv");
        }
        return http.exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers);
    }

    /** The rows of an export without their first column (the key, which each company hands out itself). */
    private static List<String> withoutKeys(String export) {
        return Arrays.stream(export.strip().split("\r?\n(?=\\d|key,)")).map(line -> line.substring(line.indexOf(',') + 1))
                .toList();
    }

    private static int indexOf(List<String> rows, String pattern) {
        Pattern wanted = Pattern.compile(pattern);
        for (int i = 0; i < rows.size(); i++) {
            if (wanted.matcher(rows.get(i)).find()) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void typesRoundTripThroughCsvIntoAnotherCompany() {
        Http http = start();
        String file = "\uFEFFid,status,parentId\n"
                + "\"Gold, North\",active,\"Gold \"\"Prime\"\"\"\n"
                + "\"Gold \"\"Prime\"\"\",active,Réseller\n"
                + "Réseller,,\n"
                + "\"Two; \"\"Lines\"\"\",inactive,\n";
        Reply imported = csv(http, "POST", TYPES + "/import", file, 0);
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(4, imported.json().get("ia::result").get("created").asInt());
        Reply exported = csv(http, "GET", TYPES + "/export", null, 0);
        assertEquals(200, exported.status(), exported::toString);
        assertTrue(exported.header("Content-Type").startsWith("text/csv"), exported::toString);
        List<String> rows = withoutKeys(exported.body());
        assertEquals(5, rows.size(), exported.body());
        assertEquals("id,status,parentId", rows.get(0));
        int reseller = indexOf(rows, "Réseller\"?,active,$");
        int prime = indexOf(rows, "^\"Gold \"\"Prime\"\"\",active,\"?Réseller");
        int north = indexOf(rows, "^\"Gold, North\",active,");
        assertTrue(reseller > 0 && reseller < prime && prime < north, "parents before children: " + rows);
        assertTrue(indexOf(rows, "^\"Two; \"\"Lines\"\"\",inactive,$") > 0, rows::toString);

        Reply again = csv(http, "POST", TYPES + "/import", exported.body(), 3);
        assertEquals(200, again.status(), again::toString);
        assertEquals(4, again.json().get("ia::result").get("created").asInt());
        assertEquals(rows.stream().sorted().toList(),
                withoutKeys(csv(http, "GET", TYPES + "/export", null, 3).body()).stream().sorted().toList());

        String before = csv(http, "GET", TYPES + "/export", null, 3).body();
        Reply refused = csv(http, "POST", TYPES + "/import", "id,status,parentId\nNew,active,\nréseller,active,\n"
                + "Orphan,active,Nowhere\n", 3);
        assertEquals(422, refused.status(), refused::toString);
        assertEquals(2, refused.json().get("ia::result").get("ia::error").get("details").size(), refused::toString);
        assertEquals(before, csv(http, "GET", TYPES + "/export", null, 3).body(), "all or nothing: New was not created");
    }

    @Test
    void profilesRoundTripThroughJsonIntoAnotherCompany() {
        Http http = start();
        String profiles = "/api/v1.0/companies/0/setup/customerProfiles";
        Reply imported = http.post(profiles + "/import", "[{\"Name\": \"Gold, \\\"North\\\"\", \"Archived\": false},"
                + " {\"Name\": \"Ünter\", \"Archived\": true}]", server.asAdmin());
        assertEquals(200, imported.status(), imported::toString);
        Reply exported = http.get(profiles + "/export", server.asAdmin());
        assertEquals(200, exported.status(), exported::toString);
        Reply again = http.post("/api/v1.0/companies/3/setup/customerProfiles/import", exported.body(),
                server.asAdmin());
        assertEquals(200, again.status(), again::toString);
        assertEquals(2, again.json().get("created").asInt());
        Reply copied = http.get("/api/v1.0/companies/3/setup/customerProfiles/export", server.asAdmin());
        List<String> names = new ArrayList<>();
        copied.json().forEach(row -> names.add(row.get("Name").asText() + ":" + row.get("Archived").asBoolean()));
        assertEquals(List.of("Gold, \"North\":false", "Ünter:true"), names);
    }
}
