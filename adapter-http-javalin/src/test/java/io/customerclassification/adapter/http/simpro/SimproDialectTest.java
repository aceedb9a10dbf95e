package io.customerclassification.adapter.http.simpro;

import static io.customerclassification.adapter.http.simpro.SimproHarness.BASE;
import static io.customerclassification.adapter.http.simpro.SimproHarness.assertError;
import static io.customerclassification.adapter.http.simpro.SimproHarness.create;
import static io.customerclassification.adapter.http.simpro.SimproHarness.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.adapter.http.BearerAuthentication;
import io.customerclassification.adapter.http.HttpApi;
import io.customerclassification.application.inmemory.InMemoryApplication;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §1 over HTTP: every route, parameter, header, status and error body of the Simpro dialect. */
class SimproDialectTest {

    private final SimproHarness harness = new SimproHarness();
    private final InMemoryApplication app = harness.app;

    @Test
    void createReturnsTheResourceAndItsHeaders() {
        harness.run(api -> {
            Reply reply = create(api, "Gold");
            assertEquals("{\"ID\":1,\"Name\":\"Gold\",\"Archived\":false}", reply.body());
            assertEquals(BASE + "1", reply.header("Location"));
            assertEquals("1", reply.header("Resource-ID"));
            assertEquals(BASE, reply.header("Resource-Base-URI"));
            assertEquals("application/json", reply.header("Content-Type").split(";")[0]);
        });
    }

    @Test
    void collectionAndItemWorkWithAndWithoutTrailingSlash() {
        harness.run(api -> {
            create(api, "Gold");
            assertEquals(200, api.get(BASE).status());
            assertEquals(200, api.get(BASE.substring(0, BASE.length() - 1)).status());
            assertEquals(201, api.post(BASE.substring(0, BASE.length() - 1), "{\"Name\":\"Silver\"}").status());
            assertEquals("{\"ID\":1,\"Name\":\"Gold\",\"Archived\":false}", api.get(BASE + "1").body());
            assertEquals(200, api.get(BASE + "1/").status());
        });
    }

    @Test
    void listDefaultsToIdAndNameOrderedById() {
        harness.run(api -> {
            create(api, "Silver");
            create(api, "Gold");
            Reply reply = api.get(BASE);
            assertEquals("[{\"ID\":1,\"Name\":\"Silver\"},{\"ID\":2,\"Name\":\"Gold\"}]", reply.body());
            assertEquals("2", reply.header("Result-Total"));
            assertEquals("1", reply.header("Result-Pages"));
            assertEquals("2", reply.header("Result-Count"));
        });
    }

    @Test
    void columnsSelectWhatIsShownOnListAndItem() {
        harness.run(api -> {
            create(api, "Gold");
            assertEquals("[{\"ID\":1,\"Name\":\"Gold\",\"Archived\":false}]",
                    api.get(BASE + "?columns=ID,Name,Archived").body());
            assertEquals("[{\"Archived\":false,\"ID\":1}]", api.get(BASE + "?columns=Archived&columns=ID").body());
            assertEquals("{\"Name\":\"Gold\"}", api.get(BASE + "1?columns=Name").body());
            assertError(api.get(BASE + "?columns=ID,Colour"), 422, "/columns", "Invalid columns: Colour");
            assertError(api.get(BASE + "1?columns=Nope"), 422, "/columns", "Invalid columns: Nope");
        });
    }

    @Test
    void fieldFiltersWithEveryOperator() {
        harness.run(api -> {
            for (String name : List.of("Gold", "Golden", "Silver", "Bronze", "100% Club", "Platinum")) {
                create(api, name);
            }
            api.patch(BASE + "4", "{\"Archived\": true}");
            assertEquals(List.of("Gold"), names(api.get(BASE + "?Name=gold")));
            assertEquals(List.of("Gold", "Golden"), names(api.get(BASE + "?Name=Gold%25")));
            assertEquals(List.of("Gold", "Golden"), names(api.get(BASE + "?Name=%25OLD%25")));
            assertEquals(List.of("100% Club"), names(api.get(BASE + "?Name=100%5C%25%25")));
            assertEquals(List.of("Gold", "Golden"), names(api.get(BASE + "?ID=lt(3)")));
            assertEquals(List.of("Gold", "Golden", "Silver"), names(api.get(BASE + "?ID=le(3)")));
            assertEquals(List.of("100% Club", "Platinum"), names(api.get(BASE + "?ID=gt(4)")));
            assertEquals(List.of("Bronze", "100% Club", "Platinum"), names(api.get(BASE + "?ID=ge(4)")));
            assertEquals(5, names(api.get(BASE + "?Name=ne(silver)")).size());
            assertEquals(6, names(api.get(BASE + "?Name=ne()")).size());
            assertEquals(List.of("Golden", "Silver", "Bronze"), names(api.get(BASE + "?ID=between(2,4)")));
            assertEquals(List.of("Gold", "Platinum"), names(api.get(BASE + "?ID=in(1,6,99)")));
            assertEquals(List.of("Golden", "Silver", "Bronze", "100% Club"), names(api.get(BASE + "?ID=!in(1,6)")));
            assertEquals(List.of("Bronze"), names(api.get(BASE + "?Archived=true")));
            assertEquals(5, names(api.get(BASE + "?Archived=false")).size());
            assertEquals(List.of("Silver"), names(api.get(BASE + "?Name=in(silver,copper)")));
            assertEquals(List.of(), names(api.get(BASE + "?Name=Gold&ID=2")), "search=all is the default");
            assertEquals(List.of("Gold", "Golden"), names(api.get(BASE + "?Name=Gold&ID=2&search=any")));
            assertEquals(List.of("Golden"), names(api.get(BASE + "?Name=Gold%25&ID=2&search=all")));
            assertEquals(6, names(api.get(BASE + "?Colour=red&display=all")).size(), "unknown keys are ignored");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ID=gt(abc)          | /ID       | ID must be an integer.",
        "ID=abc              | /ID       | ID must be an integer.",
        "Archived=maybe      | /Archived | Archived must be true or false.",
        "ID=between(1)       | /ID       | between takes two values: between(low,high)",
        "ID=in()             | /ID       | in takes at least one value",
        "search=some         | /search   | Search scheme must be one of [\"all\",\"any\"]",
        "orderby=-Colour     | /orderby  | Invalid orderby column: Colour",
        "pageSize=0          | /pageSize | pageSize must be an integer from 1 to 250.",
        "pageSize=251        | /pageSize | pageSize must be an integer from 1 to 250.",
        "pageSize=x          | /pageSize | pageSize must be an integer from 1 to 250.",
        "page=0              | /page     | page must be an integer from 1 to 2147483647.",
        "page=-3             | /page     | page must be an integer from 1 to 2147483647.",
        "limit=-1            | /limit    | limit must be an integer from 0 to 2147483647.",
        "limit=ten           | /limit    | limit must be an integer from 0 to 2147483647.",
        "page=2147483648     | /page     | page must be an integer from 1 to 2147483647.",
        "limit=99999999999999999999 | /limit | limit must be an integer from 0 to 2147483647.",
        "ID=9223372036854775808 | /ID    | ID must be an integer from -9223372036854775808 to 9223372036854775807.",
        "ID=lt(-9223372036854775809) | /ID | ID must be an integer from -9223372036854775808 to 9223372036854775807.",
    })
    void badQueryParametersAre422WithPathAndValue(String query, String path, String message) {
        harness.run(api -> {
            Reply reply = api.get(BASE + "?" + query.replace("[", "%5B").replace("]", "%5D").replace("\"", "%22"));
            assertError(reply, 422, path, message);
            assertEquals(query.substring(query.indexOf('=') + 1), reply.json().get("errors").get(0).get("value").asText());
        });
    }

    /** The documented limits of a list query (docs/api-simpro.md, "Limits"): at each limit served, past it 422. */
    @Test
    void listQueriesAreBoundedWithA422NamingTheLimit() {
        harness.run(api -> {
            create(api, "Gold");
            String thousand = String.join(",", java.util.stream.IntStream.rangeClosed(1, SimproListQuery.MAX_LIST_VALUES)
                    .mapToObj(Integer::toString).toList());
            assertEquals("[{\"ID\":1,\"Name\":\"Gold\"}]", api.get(BASE + "?ID=in(" + thousand + ")").body());
            assertEquals("[]", api.get(BASE + "?ID=!in(" + thousand + ")").body());
            assertError(api.get(BASE + "?ID=in(" + thousand + ",1001)"), 422, "/ID",
                    "in takes at most 1000 values; 1001 were sent.");
            String filters = "ID=ne(0)&".repeat(SimproListQuery.MAX_FILTERS);
            assertEquals("[{\"ID\":1,\"Name\":\"Gold\"}]", api.get(BASE + "?" + filters).body());
            assertError(api.get(BASE + "?" + filters + "Name=Gold"), 422, null,
                    "A query takes at most 100 field filters; this one has 101.");
            String columns = "ID,".repeat(SimproListQuery.MAX_ORDER_BY);
            assertEquals(200, api.get(BASE + "?orderby=" + columns).status());
            assertError(api.get(BASE + "?orderby=" + columns + "-Name"), 422, "/orderby",
                    "orderby takes at most 10 columns; 11 were sent.");
        });
    }

    @Test
    void allQueryProblemsAreReportedTogether() {
        harness.run(api -> {
            Reply reply = api.get(BASE + "?ID=gt(x)&page=0&pageSize=999&orderby=Nope");
            assertEquals(4, reply.json().get("errors").size(), reply.body());
        });
    }

    @Test
    void orderbySortsAscendingAndDescendingWithIdAsTiebreak() {
        harness.run(api -> {
            for (String name : List.of("beta", "Alpha", "charlie", "Beta2")) {
                create(api, name);
            }
            assertEquals(List.of("charlie", "Beta2", "beta", "Alpha"), names(api.get(BASE + "?orderby=-Name")));
            assertEquals(List.of("Alpha", "beta", "Beta2", "charlie"), names(api.get(BASE + "?orderby=Name")));
            assertEquals(List.of("Beta2", "charlie", "Alpha", "beta"), names(api.get(BASE + "?orderby=-ID")));
            api.patch(BASE + "1", "{\"Archived\": true}");
            api.patch(BASE + "3", "{\"Archived\": true}");
            assertEquals(List.of("Beta2", "Alpha", "charlie", "beta"),
                    names(api.get(BASE + "?orderby=Archived,-ID")), "ties are broken by the next key");
        });
    }

    @Test
    void pagingHeadersOnFirstMiddleLastAndEmptyPages() {
        harness.run(api -> {
            for (int i = 1; i <= 7; i++) {
                create(api, "P" + i);
            }
            Reply first = api.get(BASE + "?pageSize=3&orderby=ID");
            assertEquals(List.of("P1", "P2", "P3"), names(first));
            assertEquals("7", first.header("Result-Total"));
            assertEquals("3", first.header("Result-Pages"));
            assertEquals("3", first.header("Result-Count"));
            assertEquals("<" + BASE + "?pageSize=3&orderby=ID&page=1>; rel=\"first\", "
                    + "<" + BASE + "?pageSize=3&orderby=ID&page=2>; rel=\"next\", "
                    + "<" + BASE + "?pageSize=3&orderby=ID&page=3>; rel=\"last\"", first.header("Link"));

            Reply middle = api.get(BASE + "?page=2&pageSize=3");
            assertEquals(List.of("P4", "P5", "P6"), names(middle));
            assertEquals("<" + BASE + "?pageSize=3&page=1>; rel=\"first\", <" + BASE + "?pageSize=3&page=1>; rel=\"prev\", "
                    + "<" + BASE + "?pageSize=3&page=3>; rel=\"next\", <" + BASE + "?pageSize=3&page=3>; rel=\"last\"",
                    middle.header("Link"));

            Reply last = api.get(BASE + "?pageSize=3&page=3");
            assertEquals(List.of("P7"), names(last));
            assertEquals("1", last.header("Result-Count"));
            assertFalse(last.header("Link").contains("rel=\"next\""));
            assertTrue(last.header("Link").contains("page=2>; rel=\"prev\""));

            Reply past = api.get(BASE + "?pageSize=3&page=9");
            assertEquals("[]", past.body());
            assertEquals("7", past.header("Result-Total"));
            assertEquals("0", past.header("Result-Count"));

            Reply empty = api.get(BASE + "?Name=nothing");
            assertEquals("[]", empty.body());
            assertEquals("0", empty.header("Result-Total"));
            assertEquals("0", empty.header("Result-Pages"));
            assertEquals("<" + BASE + "?Name=nothing&page=1>; rel=\"first\", <" + BASE + "?Name=nothing&page=1>; rel=\"last\"",
                    empty.header("Link"));
        });
    }

    @Test
    void limitCapsTheResultBeforePaging() {
        harness.run(api -> {
            for (int i = 1; i <= 7; i++) {
                create(api, "P" + i);
            }
            Reply capped = api.get(BASE + "?limit=5&pageSize=2&page=3&orderby=-ID");
            assertEquals(List.of("P3"), names(capped));
            assertEquals("5", capped.header("Result-Total"));
            assertEquals("3", capped.header("Result-Pages"));
            assertEquals("1", capped.header("Result-Count"));
            Reply zero = api.get(BASE + "?limit=0");
            assertEquals("[]", zero.body());
            assertEquals("0", zero.header("Result-Total"));
        });
    }

    @Test
    void patchUpdatesNameAndArchivedAndAnswers204() {
        harness.run(api -> {
            create(api, "Gold");
            Reply reply = api.patch(BASE + "1", "{\"Name\":\"Gold Plus\",\"Archived\":true}");
            assertEquals(204, reply.status());
            assertEquals("1", reply.header("Resource-ID"));
            assertEquals("", reply.body());
            assertEquals("{\"ID\":1,\"Name\":\"Gold Plus\",\"Archived\":true}", api.get(BASE + "1").body());
            assertEquals(204, api.patch(BASE + "1", "{}").status());
            assertEquals(204, api.patch(BASE + "1", "{\"Name\":\"GOLD PLUS\"}").status(), "own name in another case");
        });
    }

    @Test
    void deleteAnswers204AndThen404() {
        harness.run(api -> {
            create(api, "Gold");
            assertEquals(204, api.delete(BASE + "1").status());
            assertError(api.get(BASE + "1"), 404, null, "Customer profile not found.");
            assertError(api.delete(BASE + "1"), 404, null, "Customer profile not found.");
            assertError(api.patch(BASE + "1", "{\"Name\":\"X\"}"), 404, null, "Customer profile not found.");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999999999999"})
    void malformedOrUnknownProfileIdsAre404(String id) {
        harness.run(api -> assertError(api.get(BASE + id), 404, null, "Customer profile not found."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "abc", "-1", "1e3", "99999999999999999999"})
    void unknownOrMalformedCompaniesAre404OnEveryRoute(String company) {
        harness.run(api -> {
            String base = "/api/v1.0/companies/" + company + "/setup/customerProfiles/";
            assertError(api.get(base), 404, null, "Company not found.");
            assertError(api.post(base, "{\"Name\":\"Gold\"}"), 404, null, "Company not found.");
            assertError(api.get(base + "1"), 404, null, "Company not found.");
            assertError(api.get("/api/v1.0/companies/" + company), 404, null, "Company not found.");
        });
    }

    @Test
    void companiesAreListedAndIsolated() {
        app.persistence().registerCompany(new Company(CompanyId.of(3), Name.of("Acme")));
        harness.run(api -> {
            assertEquals("[{\"ID\":0,\"Name\":\"Default Company\"},{\"ID\":3,\"Name\":\"Acme\"}]",
                    api.get("/api/v1.0/companies/").body());
            assertEquals("{\"ID\":3,\"Name\":\"Acme\"}", api.get("/api/v1.0/companies/3").body());
            create(api, "Gold");
            String acme = "/api/v1.0/companies/3/setup/customerProfiles/";
            assertEquals("[]", api.get(acme).body());
            assertError(api.get(acme + "1"), 404, null, "Customer profile not found.");
            assertError(api.delete(acme + "1"), 404, null, "Customer profile not found.");
            assertEquals(201, api.post(acme, "{\"Name\":\"Gold\"}").status(), "names are unique per company only");
            assertEquals(1, api.get(BASE).json().size());
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                 | `null`    | Request body is empty.",
        "`not json`                         | `null`    | ",
        "`[1,2]`                            | `null`    | Request body must be a JSON object.",
        "`\"Gold\"`                         | `null`    | Request body must be a JSON object.",
        "`{}`                               | /Name     | Name is required.",
        "`{\"Name\": 5}`                    | /Name     | Name must be a string.",
        "`{\"Name\": \"\"}`                 | /Name     | Name must not be empty.",
        "`{\"Name\": \"   \"}`              | /Name     | Name must not start or end with whitespace.",
        "`{\"Name\": \" Gold\"}`            | /Name     | Name must not start or end with whitespace.",
        "`{\"Name\": \"a\\u0007b\"}`        | /Name     | Name must not contain control characters.",
        "`{\"Name\": \"Gold\", \"Archived\": \"yes\"}` | /Archived | Archived must be a boolean.",
        "`{\"Name\": \"Gold\", \"Colour\": 1}`  | /Colour   | Invalid column.",
        "`{\"Name\": \"Gold\", \"ID\": 9}`  | /ID       | This API Column does not allow POST requests.",
        "`{\"Name\": \"A\", \"Name\": \"B\"}` | `null`  | ",
    })
    void badPostBodiesAre422(String body, String path, String message) {
        harness.run(api -> {
            Reply reply = api.post(BASE, body);
            assertEquals(422, reply.status(), reply.body());
            JsonNode error = reply.json().get("errors").get(0);
            if (path.equals("null")) {
                assertTrue(error.get("path").isNull(), reply.body());
            } else {
                assertEquals(path, error.get("path").asText());
            }
            if (message != null) {
                assertEquals(message, error.get("message").asText());
            }
            assertEquals("[]", api.get(BASE).body(), "nothing was written");
        });
    }

    @Test
    void tooLongNamesAndDuplicatesAre422() {
        harness.run(api -> {
            assertError(api.post(BASE, "{\"Name\":\"" + "x".repeat(256) + "\"}"), 422, "/Name",
                    "Name must be at most 255 characters.");
            assertEquals(201, api.post(BASE, "{\"Name\":\"" + "x".repeat(255) + "\"}").status());
            create(api, "Caf\u00e9");
            Reply duplicate = api.post(BASE, "{\"Name\":\"CAFE\u0301\"}");
            assertError(duplicate, 422, "/Name", "Name already exists.");
            assertEquals("CAFÉ", duplicate.json().get("errors").get(0).get("value").asText());
            create(api, "Tea");
            assertError(api.patch(BASE + "3", "{\"Name\":\"café\"}"), 422, "/Name", "Name already exists.");
        });
    }

    @Test
    void everyProblemOfOneBodyIsReportedTogether() {
        harness.run(api -> {
            Reply reply = api.post(BASE, "{\"ID\": 3, \"Name\": 7, \"Archived\": \"no\", \"Foo\": null}");
            assertEquals(422, reply.status());
            List<String> paths = new ArrayList<>();
            reply.json().get("errors").forEach(e -> paths.add(e.get("path").asText()));
            assertEquals(List.of("/ID", "/Name", "/Archived", "/Foo"), paths);
            assertEquals(3, reply.json().get("errors").get(0).get("value").asInt());
        });
    }

    @Test
    void bodiesThatAreNoJsonAreExplainedInPlainWordsWithLineAndColumn() {
        harness.run(api -> {
            create(api, "Gold");
            assertError(api.post(BASE, "{\"Name\": \"Gold\""), 422, null, "Request body is not valid JSON: it ends"
                    + " before the object that starts at line 1, column 1 is closed");
            assertError(api.post(BASE, "{\n  \"Name\": 'Gold'\n}"), 422, null, "Request body is not valid JSON: a"
                    + " single quote (strings and property names take double quotes) at line 2, column 11 is"
                    + " unexpected: a value was expected (a string in double quotes, a number, an object, an array,"
                    + " true, false or null)");
            assertError(api.patch(BASE + "1", "{\"Name\": \"A\", \"Name\": \"B\"}"), 422, null, "Request body is"
                    + " not valid JSON: the property 'Name' appears twice in the object that starts at line 1,"
                    + " column 1 (the second time at line 1, column 15)");
        });
    }

    /** JSON text is UTF-8 (RFC 8259 §8.1): bytes that are no character are refused, never stored as U+FFFD. */
    @Test
    void bytesThatAreNoUtf8CharacterAreRefusedAndNothingIsStored() {
        harness.run(api -> {
            create(api, "Gold");
            byte[] post = {'{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
            assertError(api.send("POST", BASE, post, "application/json", Map.of()), 422, null,
                    "Request body is not valid UTF-8: byte 0xFF at line 1, column 10 is no UTF-8 character");
            byte[] patch = "{\"Name\":\"Caf\u00e9 \u00e9\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] cut = java.util.Arrays.copyOf(patch, patch.length - 3); // the last é loses its second byte
            assertError(api.send("PATCH", BASE + "1", cut, "application/json", Map.of()), 422, null,
                    "Request body is not valid UTF-8: byte 0xC3 at line 1, column 15 is no UTF-8 character"
                            + " (the body ends in the middle of a character)");
            assertEquals("[{\"ID\":1,\"Name\":\"Gold\"}]", api.get(BASE).body(), "nothing was created or changed");
        });
    }

    @Test
    void badPatchBodiesAre422AndChangeNothing() {
        harness.run(api -> {
            create(api, "Gold");
            assertError(api.patch(BASE + "1", "{\"ID\": 2}"), 422, "/ID", "This API Column does not allow PATCH requests.");
            assertError(api.patch(BASE + "1", "{\"Name\": \"ok\", \"Archived\": 1}"), 422, "/Archived",
                    "Archived must be a boolean.");
            assertError(api.patch(BASE + "1", ""), 422, null, "Request body is empty.");
            assertEquals("{\"ID\":1,\"Name\":\"Gold\",\"Archived\":false}", api.get(BASE + "1").body());
        });
    }

    @Test
    void nonJsonContentTypeIs415() {
        harness.run(api -> {
            Reply reply = api.send("POST", BASE, "Name=Gold", "application/x-www-form-urlencoded", Map.of());
            assertError(reply, 415, null, "Content-Type must be application/json.");
            assertEquals(201, api.send("POST", BASE, "{\"Name\":\"Gold\"}", "application/json; charset=utf-8", Map.of())
                    .status());
            assertError(api.send("PATCH", BASE + "1", "{}", "text/plain", Map.of()), 415, null,
                    "Content-Type must be application/json.");
        });
    }

    @Test
    void aCharsetTheJvmDoesNotKnowIs415NotAServerError() {
        harness.run(api -> assertError(api.send("POST", BASE, "{\"Name\":\"Gold\"}", "application/json; charset=bogus",
                Map.of()), 415, null, "Content-Type names a charset this server does not know: bogus."));
    }

    @Test
    void aValueNestedTooDeepIsNotEchoedSoTheErrorBodyStaysReadable() {
        harness.run(api -> {
            String deep = "[".repeat(999) + "]".repeat(999);
            Reply refused = api.post(BASE, "{\"Foo\": " + deep + ", \"Bar\": [[1]]}");
            assertError(refused, 422, "/Foo", "Invalid column.");
            assertTrue(refused.json().at("/errors/0/value").isNull(), refused.body());
            assertEquals("[[1]]", refused.json().at("/errors/1/value").toString(), "a shallow value is echoed");
        });
    }

    @Test
    void refusalsBeforeAnyRouteUseTheSimproErrorBody() {
        SimproDialect dialect = new SimproDialect(harness.useCases(), BearerAuthentication.off());
        assertEquals("{\"errors\":[{\"path\":null,\"message\":\"The server is busy.\",\"value\":null}]}",
                dialect.refusalBody(503, "The server is busy."));
    }

    @Test
    void bodiesAboveOneMebibyteAre413() {
        harness.run(api -> {
            String big = "{\"Name\":\"" + "x".repeat(1024 * 1024) + "\"}";
            Reply reply = api.post(BASE, big);
            assertError(reply, 413, null, "Request body is larger than 1 MiB.");
            assertEquals("[]", api.get(BASE).body());
        });
    }

    @Test
    void wrongMethodIs405WithAllowAndUnknownRouteIsInvalidRoute() {
        harness.run(api -> {
            Reply put = api.send("PUT", BASE + "1", "{}", "application/json", Map.of());
            assertEquals(405, put.status());
            assertEquals("GET, PATCH, DELETE", put.header("Allow"));
            Reply deleteCollection = api.delete(BASE);
            assertEquals(405, deleteCollection.status());
            assertEquals("GET, POST", deleteCollection.header("Allow"));
            Reply unknown = api.get("/api/v1.0/companies/0/setup/nothingHere/");
            assertError(unknown, 404, null, "Invalid route.");
        });
    }

    /** The reply to listing the profiles when the list use case throws {@code failure}. */
    private static Reply listFailingWith(RuntimeException failure, InMemoryApplication app) {
        SimproDialect failing = new SimproDialect(new SimproDialect.UseCases(app.profiles(), app.profiles(),
                query -> {
                    throw failure;
                },
                app.profiles(), app.profiles(), app.profiles(), app.profiles(), app.companies(), app.companies(),
                app.idempotency()), BearerAuthentication.off());
        Javalin server = Javalin.create(config -> new HttpApi(List.of(failing)).configure(config));
        Reply[] reply = new Reply[1];
        JavalinTest.test(server, (s, client) -> reply[0] =
                new ApiClient(client.getOrigin(), "/openapi/simpro-customer-profiles.json", p -> null).get(BASE));
        return reply[0];
    }

    @Test
    void aBusyStoreIs503WithRetryAfterInTheSimproBody() {
        Reply reply = listFailingWith(new StoreBusyException("no database connection became free in time"), app);
        assertEquals(503, reply.status());
        assertEquals("1", reply.header("Retry-After"));
        assertEquals("{\"errors\":[{\"path\":null,\"message\":\"The server is busy; retry after 1 s.\",\"value\":null}]}",
                reply.body());
    }

    @Test
    void unexpectedFailuresAre500WithAReferenceAndNoInternals() {
        Reply reply = listFailingWith(new IllegalStateException("SQLITE_ERROR near SELECT * FROM customer_profile"), app);
        assertEquals(500, reply.status());
        String message = reply.json().get("errors").get(0).get("message").asText();
        assertTrue(message.matches("Internal server error\\. Reference: [0-9a-f]{32}"), message);
        assertFalse(reply.body().contains("SQLITE") || reply.body().contains("SELECT"), reply.body());
    }

    @Test
    void seedDocumentExamplesAreReproduced() {
        harness.run(api -> {
            Reply created = api.post(BASE, "{\"Name\": \"string\"}");
            assertEquals(201, created.status());
            JsonNode resource = created.json();
            assertTrue(resource.get("ID").isInt() && resource.get("Name").isTextual() && resource.get("Archived").isBoolean());
            JsonNode list = api.get(BASE).json();
            assertTrue(list.isArray());
            assertEquals(List.of("ID", "Name"), iterable(list.get(0).fieldNames()));
            assertEquals(List.of("ID", "Name", "Archived"), iterable(api.get(BASE + resource.get("ID")).json().fieldNames()));
            assertEquals(204, api.patch(BASE + resource.get("ID"), "{\"Name\": \"string2\"}").status());
            assertEquals(204, api.delete(BASE + resource.get("ID")).status());
        });
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
