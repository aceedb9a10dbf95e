package io.customerclassification.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.bootstrap.CustomerClassificationServer;
import io.customerclassification.bootstrap.DatabaseLocation;
import io.customerclassification.bootstrap.IdentityConfig;
import io.customerclassification.bootstrap.ServerConfig;
import io.customerclassification.bootstrap.e2e.Http.Reply;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole user journeys over real HTTP against the real server on a real database file, then a restart on the
 * same file: what was acknowledged is still there. {@link PostgresEndToEndTest} runs them over PostgreSQL.
 */
class EndToEndTest {

    private static final String PROFILES = "/api/v1.0/companies/0/setup/customerProfiles/";
    private static final String TYPES = "/objects/accounts-receivable/customer-type";
    private static final String QUERY = "/services/core/query";

    @TempDir
    Path folder;

    private ServerConfig config;
    private CustomerClassificationServer server;
    private Http http;

    @BeforeEach
    void start() {
        config = new ServerConfig("127.0.0.1", 0, database(folder),
                List.of(new Company(CompanyId.of(7), Name.of("Acme Ltd")))).withIdentity(IdentityConfig.NONE);
        restart();
    }

    /** The store of each test, new and empty: a file in a folder that does not exist yet. */
    DatabaseLocation database(Path folder) {
        return DatabaseLocation.file(folder.resolve("nested/dir/classification.db"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void restart() {
        if (server != null) {
            server.stop();
        }
        server = CustomerClassificationServer.start(config);
        http = new Http(server.port());
    }

    private static void expect(int status, Reply reply) {
        assertEquals(status, reply.status(), () -> "unexpected response: " + reply);
    }

    private String createType(String json) {
        Reply reply = http.post(TYPES, json);
        expect(201, reply);
        return reply.json().at("/ia::result/key").asText();
    }

    private String errorId(Reply reply) {
        return reply.json().at("/ia::result/ia::error/errorId").asText();
    }

    /**
     * A query service request of a thousand conditions — a thousand filters, or an expression naming a thousand —
     * is served over the real database (it was a 500: SQLite's expression tree stops at a depth of 1000), and one
     * of five thousand is refused with the limit's name.
     */
    @Test
    void aQueryOfThousandsOfConditionsIsServedOrRefusedNamingTheLimit() {
        createType("{\"id\": \"Reseller\"}");
        createType("{\"id\": \"End user\"}");
        String object = "\"object\": \"accounts-receivable/customer-type\"";
        String notGold = "{\"$ne\": {\"id\": \"Gold\"}}";
        String thousand = String.join(",", java.util.Collections.nCopies(1_000, notGold));
        Reply filters = http.post(QUERY, "{" + object + ", \"filters\": [" + thousand + "]}");
        expect(200, filters);
        assertEquals(List.of("1", "2"), column(filters.json().get("ia::result"), "key"));
        Reply or = http.post(QUERY, "{" + object + ", \"filters\": [{\"$eq\": {\"id\": \"End user\"}}],"
                + " \"filterExpression\": \"" + String.join(" or ", java.util.Collections.nCopies(1_000, "1")) + "\"}");
        expect(200, or);
        assertEquals(List.of("2"), column(or.json().get("ia::result"), "key"));
        String fiveThousand = String.join(",", java.util.Collections.nCopies(5_000, notGold));
        Reply refused = http.post(QUERY, "{" + object + ", \"filters\": [" + fiveThousand + "]}");
        expect(400, refused);
        assertEquals("filters has 5000 entries; at most 1000 are allowed",
                refused.json().at("/ia::result/ia::error/message").asText());
    }

    private static List<String> column(JsonNode rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.get(field).asText()).toList();
    }

    @Test
    void customerTypeHierarchyJourneySurvivesARestart() {
        String reseller = createType("{\"id\": \"Reseller\"}");
        String endUser = createType("{\"id\": \"End user\"}");
        String partner = createType("{\"id\": \"Partner\", \"parent\": {\"key\": \"" + reseller + "\"}}");
        String gold = createType("{\"id\": \"Gold Partner\", \"parent\": {\"id\": \"Partner\"}}");

        Reply goldType = http.get(TYPES + "/" + gold);
        expect(200, goldType);
        assertEquals(partner, goldType.json().at("/ia::result/parent/key").asText());
        assertEquals("Partner", goldType.json().at("/ia::result/parent/id").asText());

        // the same name in another spelling is the same name
        Reply duplicate = http.post(TYPES, "{\"id\": \"RESELLER\"}");
        expect(409, duplicate);

        // move Gold Partner under End user; a cycle is refused
        expect(200, http.patch(TYPES + "/" + gold, "{\"parent\": {\"key\": \"" + endUser + "\"}}"));
        expect(422, http.patch(TYPES + "/" + reseller, "{\"parent\": {\"key\": \"" + partner + "\"}}"));

        // an active child blocks deactivating its parent; bottom-up works
        Reply blocked = http.patch(TYPES + "/" + reseller, "{\"status\": \"inactive\"}");
        expect(422, blocked);
        expect(200, http.patch(TYPES + "/" + partner, "{\"status\": \"inactive\"}"));
        expect(200, http.patch(TYPES + "/" + reseller, "{\"status\": \"inactive\"}"));
        // and an inactive parent blocks activating the child
        expect(422, http.patch(TYPES + "/" + partner, "{\"status\": \"active\"}"));

        Reply active = http.post(QUERY, """
                {"object": "accounts-receivable/customer-type",
                 "fields": ["key", "id", "status", "parent.id"],
                 "filters": [{"$eq": {"status": "active"}}],
                 "orderBy": [{"id": "asc"}]}""");
        expect(200, active);
        assertEquals(List.of("End user", "Gold Partner"), column(active.json().get("ia::result"), "id"));
        assertEquals("End user", active.json().at("/ia::result/1/parent.id").asText());
        assertEquals(2, active.json().at("/ia::meta/totalCount").asInt());

        Reply tree = http.post(QUERY, """
                {"object": "accounts-receivable/customer-type",
                 "fields": ["id"],
                 "filters": [{"$startsWith": {"id": "p"}}, {"$eq": {"id": "gold partner"}}],
                 "filterExpression": "1 or 2",
                 "filterParameters": {"caseSensitiveComparison": false, "includeHierarchyFields": true}}""");
        expect(200, tree);
        assertEquals(List.of("Partner", "Gold Partner"), column(tree.json().get("ia::result"), "id"));
        assertEquals(2, tree.json().at("/ia::result/0/ia::hierarchy/depth").asInt());
        assertEquals("[\"" + reseller + "\",\"" + partner + "\"]",
                tree.json().at("/ia::result/0/ia::hierarchy/path").toString());

        // the subtree below Reseller (extension), and below End user since the move
        Reply below = http.get(TYPES + "/" + reseller + "/descendants");
        expect(200, below);
        assertEquals(List.of("Partner"), column(below.json().get("ia::result"), "id"));
        Reply belowEndUser = http.get(TYPES + "/" + endUser + "/descendants");
        assertEquals(List.of("Gold Partner"), column(belowEndUser.json().get("ia::result"), "id"));
        assertEquals(endUser, belowEndUser.json().at("/ia::result/0/parent/key").asText());
        assertEquals(1, belowEndUser.json().at("/ia::result/0/ia::hierarchy/level").asInt());

        // a type with children cannot be deleted; a leaf can
        expect(422, http.delete(TYPES + "/" + reseller));
        expect(204, http.delete(TYPES + "/" + gold));
        expect(404, http.get(TYPES + "/" + gold));

        String before = http.get(TYPES + "/" + partner).json().get("ia::result").toString();
        restart();
        assertEquals(before, http.get(TYPES + "/" + partner).json().get("ia::result").toString(),
                "a restart on the same file keeps every acknowledged write");
        Reply list = http.get(TYPES);
        expect(200, list);
        assertEquals(List.of("Reseller", "End user", "Partner"), column(list.json().get("ia::result"), "id"));
        assertEquals(3, list.json().at("/ia::meta/totalCount").asInt());
        assertEquals(0, http.get(TYPES + "/" + endUser + "/descendants").json().at("/ia::meta/totalCount").asInt(),
                "the deleted leaf is gone from the subtree after a restart too");
        // keys are never reused, even after a delete and a restart
        String next = createType("{\"id\": \"Distributor\"}");
        assertTrue(Long.parseLong(next) > Long.parseLong(gold), "key " + next + " reuses a deleted key");
    }

    @Test
    void customerProfileJourneySurvivesARestart() {
        for (String name : List.of("Gold", "Silver", "Bronze", "Platinum", "Rose gold")) {
            expect(201, http.post(PROFILES, "{\"Name\": \"" + name + "\"}"));
        }
        Reply golds = http.get(PROFILES + "?Name=%25old%25&orderby=-Name&columns=ID,Name,Archived");
        expect(200, golds);
        assertEquals(List.of("Rose gold", "Gold"), column(golds.json(), "Name"));
        assertEquals("false", golds.json().at("/0/Archived").asText());

        Reply page2 = http.get(PROFILES + "?pageSize=2&page=2");
        expect(200, page2);
        assertEquals(List.of("Bronze", "Platinum"), column(page2.json(), "Name"));
        assertEquals("5", page2.header("Result-Total"));
        assertEquals("3", page2.header("Result-Pages"));
        assertEquals("2", page2.header("Result-Count"));
        assertTrue(page2.header("Link").contains("<" + PROFILES + "?pageSize=2&page=3>; rel=\"next\""),
                page2.header("Link"));

        expect(204, http.patch(PROFILES + "3", "{\"Name\": \"Copper\"}"));
        expect(204, http.patch(PROFILES + "2", "{\"Archived\": true}"));
        expect(422, http.patch(PROFILES + "1", "{\"Name\": \"copper\"}"));
        expect(204, http.delete(PROFILES + "4"));
        expect(404, http.get(PROFILES + "4"));

        Reply current = http.get(PROFILES + "?Archived=false&columns=Name");
        expect(200, current);
        assertEquals("[{\"Name\":\"Gold\"},{\"Name\":\"Copper\"},{\"Name\":\"Rose gold\"}]", current.body());

        String before = http.get(PROFILES + "?columns=ID,Name,Archived").body();
        restart();
        assertEquals(before, http.get(PROFILES + "?columns=ID,Name,Archived").body(),
                "a restart on the same file keeps every acknowledged write");
        Reply created = http.post(PROFILES, "{\"Name\": \"Diamond\"}");
        expect(201, created);
        assertEquals(6, created.json().get("ID").asInt(), "ids are never reused, even after a delete and a restart");
    }

    @Test
    void configuredCompaniesAreServedAndIsolated() {
        Reply companies = http.get("/api/v1.0/companies/");
        expect(200, companies);
        assertEquals("[{\"ID\":0,\"Name\":\"Default Company\"},{\"ID\":7,\"Name\":\"Acme Ltd\"}]", companies.body());

        expect(201, http.post("/api/v1.0/companies/7/setup/customerProfiles/", "{\"Name\": \"Gold\"}"));
        expect(201, http.post(PROFILES, "{\"Name\": \"Gold\"}"));
        assertEquals("1", http.get("/api/v1.0/companies/7/setup/customerProfiles/").header("Result-Total"));
        expect(404, http.get("/api/v1.0/companies/8/setup/customerProfiles/"));

        Map<String, String> acme = Map.of("X-IA-API-Param-Entity", "7");
        Reply created = http.post(TYPES, "{\"id\": \"Reseller\"}", acme);
        expect(201, created);
        String key = created.json().at("/ia::result/key").asText();
        Reply own = http.get(TYPES + "/" + key, acme);
        expect(200, own);
        assertEquals("Acme Ltd", own.json().at("/ia::result/entity/name").asText());
        expect(404, http.get(TYPES + "/" + key));
        expect(404, http.get(TYPES, Map.of("X-IA-API-Param-Entity", "8")));

        restart();
        assertEquals(companies.body(), http.get("/api/v1.0/companies/").body(),
                "registering the configured companies again on restart changes nothing");
    }

    @Test
    void healthAndOpenApiDocumentsAreServed() {
        Reply health = http.get("/health");
        expect(200, health);
        assertEquals("UP", health.json().get("status").asText());

        Reply index = http.get("/openapi");
        expect(200, index);
        List<String> documents = new ArrayList<>();
        index.json().get("documents").forEach(d -> documents.add(d.asText()));
        assertFalse(documents.isEmpty());
        for (String document : documents) {
            Reply spec = http.get(document);
            expect(200, spec);
            assertTrue(spec.json().get("openapi").asText().startsWith("3."), document);
            assertNotNull(spec.json().get("paths"), document);
        }
    }

    @Test
    void errorsNeverLeakInternals() {
        Reply simpro = http.post(PROFILES, "{\"Name\": ");
        expect(422, simpro);
        assertTrue(simpro.json().get("errors").isArray(), simpro.body());
        Reply intacct = http.post(TYPES, "{\"id\": ");
        expect(400, intacct);
        assertEquals("REST-1064", errorId(intacct));
        for (Reply reply : List.of(simpro, intacct)) {
            assertFalse(reply.body().contains("Exception"), reply.body());
            assertFalse(reply.body().contains("at io."), reply.body());
        }
    }
}
