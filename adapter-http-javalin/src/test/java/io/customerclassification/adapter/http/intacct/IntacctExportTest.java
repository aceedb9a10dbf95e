package io.customerclassification.adapter.http.intacct;

import static io.customerclassification.adapter.http.intacct.IntacctHarness.LONG_PREFIX;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.OBJECTS;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.assertError;
import static io.customerclassification.adapter.http.intacct.IntacctHarness.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.application.port.out.StoreBusyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §3.3 in the Intacct dialect: {@code GET …/customer-type/export}, as JSON or CSV by {@code Accept}. */
class IntacctExportTest {

    private static final String EXPORT = OBJECTS + "/export";
    private final IntacctHarness harness = new IntacctHarness();

    private static Reply export(IntacctHarness.Client api, String path, String accept) {
        return api.send("GET", path, null, null, accept == null ? Map.of() : Map.of("Accept", accept));
    }

    private static List<List<String>> csv(String body) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(body)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A, B roots; C under A; D (inactive) under B; E under C; then X moved under the younger Y. */
    private static void sampleTree(IntacctHarness.Client api) {
        String a = api.create("A", "active");
        String b = api.create("B", "active");
        String c = api.createUnder("C", a);
        api.create("{'id':'D','status':'inactive','parent':{'key':'" + b + "'}}");
        api.createUnder("E", c);
        String x = api.create("X", "active");
        String y = api.create("Y", "active");
        assertEquals(200, api.patch(OBJECTS + "/" + x, "{'parent':{'key':'" + y + "'}}").status());
    }

    @Test
    void jsonListsEveryTypeParentsFirstWithItsParentsName() {
        harness.run(api -> {
            sampleTree(api);
            Reply reply = export(api, EXPORT, null);
            assertEquals(200, reply.status(), reply.body());
            assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
            assertEquals(tree("[{'key':'1','id':'A','status':'active','parentId':null},"
                    + "{'key':'3','id':'C','status':'active','parentId':'A'},"
                    + "{'key':'5','id':'E','status':'active','parentId':'C'},"
                    + "{'key':'2','id':'B','status':'active','parentId':null},"
                    + "{'key':'4','id':'D','status':'inactive','parentId':'B'},"
                    + "{'key':'7','id':'Y','status':'active','parentId':null},"
                    + "{'key':'6','id':'X','status':'active','parentId':'Y'}]"), reply.json());
            assertEquals(reply.body(), export(api, LONG_PREFIX + EXPORT, "application/json").body());
        });
    }

    @Test
    void csvHasAHeaderRowAnEmptyParentForARootAndQuotesWhatItMust() {
        harness.run(api -> {
            String root = api.create("Comma, Inc.", "active");
            api.createUnder("Say \\\"cheese\\\"", root);
            api.create("Ünïcødé 名前", "inactive");
            Reply reply = export(api, EXPORT, "text/csv");
            assertEquals(200, reply.status(), reply.body());
            assertEquals("key,id,status,parentId\n1,\"Comma, Inc.\",active,\n"
                    + "2,\"Say \"\"cheese\"\"\",active,\"Comma, Inc.\"\n3,\"Ünïcødé 名前\",inactive,\n", reply.body());
            assertEquals(List.of(List.of("key", "id", "status", "parentId"),
                    List.of("1", "Comma, Inc.", "active", ""),
                    List.of("2", "Say \"cheese\"", "active", "Comma, Inc."),
                    List.of("3", "Ünïcødé 名前", "inactive", "")), csv(reply.body()));
        });
    }

    @Test
    void eachEntityExportsItsOwnTypesAndAnEmptyOneNothing() {
        harness.registerCompany(3, "Acme");
        harness.run(api -> {
            api.create("Mine", "active");
            assertEquals("[]", export(api.entity("3"), EXPORT, null).body());
            assertEquals("key,id,status,parentId\n", export(api.entity("3"), EXPORT, "text/csv").body());
            assertError(export(api.entity("9"), EXPORT, "text/csv"), 404, "notFound", "CC-1405");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/html", "image/*"})
    void anAcceptThatAllowsNeitherFormatIs406(String accept) {
        harness.run(api -> {
            Reply reply = export(api, EXPORT, accept);
            assertEquals("Accept must allow application/json or text/csv, was " + accept,
                    assertError(reply, 406, "notAcceptable", "CC-1407").get("message").asText());
        });
    }

    @Test
    void onlyGetIsServedAndTheItemRoutesStillAnswer() {
        harness.run(api -> {
            Reply post = api.post(EXPORT, "{'id':'Export'}");
            assertError(post, 405, "methodNotAllowed", "CC-1406");
            assertEquals("GET", post.header("Allow"));
            assertError(api.patch(EXPORT, "{'status':'inactive'}"), 405, "methodNotAllowed", "CC-1406");
            api.create("Gold", "active");
            assertEquals(200, api.get(OBJECTS + "/1").status());
        });
    }

    @Test
    void aBusyStoreIs503BeforeAnyRowIsWritten() {
        IntacctDialect.UseCases base = harness.useCases();
        IntacctDialect.UseCases busy = new IntacctDialect.UseCases(base.create(), base.get(), base.list(),
                base.update(), base.delete(), base.query(), base.aggregate(), base.lineage(), base.ancestors(),
                base.descendants(), (query, rows) -> {
                    throw new StoreBusyException("waited 2000 ms to export; too many at once");
                }, base.importRows(), base.getCompany(), base.idempotency());
        harness.run(busy, api -> {
            Reply reply = export(api, EXPORT, "text/csv");
            assertError(reply, 503, "serviceUnavailable", "CC-1503");
            assertEquals("1", reply.header("Retry-After"));
        });
    }
}
