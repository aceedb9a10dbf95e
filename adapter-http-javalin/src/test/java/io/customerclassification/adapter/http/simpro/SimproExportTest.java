package io.customerclassification.adapter.http.simpro;

import static io.customerclassification.adapter.http.simpro.SimproHarness.BASE;
import static io.customerclassification.adapter.http.simpro.SimproHarness.assertError;
import static io.customerclassification.adapter.http.simpro.SimproHarness.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.customerclassification.application.port.in.Caller;
import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.application.port.in.customerprofile.CreateCustomerProfileCommand;
import io.customerclassification.application.port.out.StoreBusyException;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §3.3 in the Simpro dialect: {@code GET …/customerProfiles/export}, as JSON or CSV by {@code Accept}. */
class SimproExportTest {

    private static final Caller SYSTEM = Caller.system(null);

    private static final String EXPORT = BASE + "export";
    private final SimproHarness harness = new SimproHarness();

    private static Reply export(ApiClient api, String path, String accept) {
        return api.send("GET", path, (String) null, null, accept == null ? Map.of() : Map.of("Accept", accept));
    }

    /** The records of a CSV body, the header row first, as a CSV reader sees them. */
    static List<List<String>> csv(String body) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(body)) {
            return rows.readAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void jsonListsEveryProfileOfTheCompanyByIdWithAllItsFields() {
        harness.run(api -> {
            create(api, "Gold");
            create(api, "Silver");
            api.patch(BASE + "1", "{\"Archived\": true}");
            harness.app.persistence().registerCompany(new Company(CompanyId.of(3), Name.of("Acme")));
            api.post("/api/v1.0/companies/3/setup/customerProfiles/", "{\"Name\": \"Elsewhere\"}");
            Reply reply = export(api, EXPORT, null);
            assertEquals(200, reply.status(), reply.body());
            assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
            assertEquals("[{\"ID\":1,\"Name\":\"Gold\",\"Archived\":true},{\"ID\":2,\"Name\":\"Silver\",\"Archived\":false}]",
                    reply.body());
            Reply other = export(api, "/api/v1.0/companies/3/setup/customerProfiles/export", "*/*");
            assertEquals(1, other.json().size(), other.body());
            assertEquals("Elsewhere", other.json().get(0).get("Name").asText(), "company 3 exports its own");
        });
    }

    @Test
    void csvHasAHeaderRowAndQuotesWhatItMust() {
        harness.run(api -> {
            List<String> names = List.of("Plain", "Comma, Inc.", "Say \"cheese\"", "Ünïcødé 名前 👍", "Semi;colon");
            names.forEach(name -> create(api, name.replace("\"", "\\\"")));
            Reply reply = export(api, EXPORT, "text/csv");
            assertEquals(200, reply.status(), reply.body());
            assertEquals("text/csv;charset=utf-8", reply.header("Content-Type").replace(" ", "").toLowerCase());
            assertTrue(reply.body().startsWith("ID,Name,Archived\n1,Plain,false\n2,\"Comma, Inc.\",false\n"
                    + "3,\"Say \"\"cheese\"\"\",false\n"), reply.body());
            List<List<String>> rows = csv(reply.body());
            assertEquals(List.of("ID", "Name", "Archived"), rows.get(0));
            assertEquals(names, rows.subList(1, rows.size()).stream().map(row -> row.get(1)).toList(),
                    "a CSV reader reads every name back as it was");
        });
    }

    @Test
    void aCompanyWithoutProfilesExportsAnEmptyArrayOrAHeaderRow() {
        harness.run(api -> {
            assertEquals("[]", export(api, EXPORT, "application/json").body());
            assertEquals("ID,Name,Archived\n", export(api, EXPORT, "text/csv").body());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv;q=0.9, application/json", "text/*", "TEXT/CSV; charset=utf-8"})
    void acceptChoosesTheFirstFormatItNames(String accept) {
        harness.run(api -> {
            create(api, "Gold");
            assertEquals("ID,Name,Archived\n1,Gold,false\n", export(api, EXPORT, accept).body());
        });
    }

    @Test
    void anAcceptThatAllowsNeitherFormatIs406AndAnUnknownCompany404() {
        harness.run(api -> {
            assertError(export(api, EXPORT, "application/xml"), 406, null,
                    "Accept must allow application/json or text/csv.");
            assertError(export(api, "/api/v1.0/companies/9/setup/customerProfiles/export", "text/csv"), 404, null,
                    "Company not found.");
            Reply post = api.post(EXPORT, "{\"Name\": \"Export\"}");
            assertError(post, 405, null, "Method POST is not allowed here; allowed: GET.");
            assertEquals("GET", post.header("Allow"));
        });
    }

    @Test
    void aFailureAfterTheFirstRowAbortsTheResponseRatherThanEndingItCleanly() {
        SimproDialect.UseCases base = harness.useCases();
        SimproDialect.UseCases failing = new SimproDialect.UseCases(base.create(), base.get(), base.list(),
                base.update(), base.delete(), (query, rows) -> {
                    base.export().exportCustomerProfiles(query, rows);
                    throw new IllegalStateException("the database went away");
                }, base.importRows(), base.listCompanies(), base.getCompany(), base.idempotency());
        harness.run(failing, api -> {
            for (int i = 0; i < 2000; i++) {
                harness.app.profiles().createCustomerProfile(new CreateCustomerProfileCommand(SYSTEM, CompanyId.DEFAULT,
                        Name.of("Profile " + i), false));
            }
            UncheckedIOException broken = assertThrows(UncheckedIOException.class, () -> export(api, EXPORT, "text/csv"));
            assertTrue(broken.getCause() instanceof IOException, broken.toString());
            assertEquals(200, api.get(BASE + "1").status(), "the server goes on (more rows than the response buffer holds were written)");
        });
    }

    @Test
    void aBusyStoreIs503BeforeAnyRowIsWritten() {
        SimproDialect.UseCases base = harness.useCases();
        SimproDialect.UseCases busy = new SimproDialect.UseCases(base.create(), base.get(), base.list(),
                base.update(), base.delete(), (query, rows) -> {
                    throw new StoreBusyException("waited 2000 ms to export; too many at once");
                }, base.importRows(), base.listCompanies(), base.getCompany(), base.idempotency());
        harness.run(busy, api -> {
            Reply reply = export(api, EXPORT, "text/csv");
            assertError(reply, 503, null, "The server is busy; retry after 1 s.");
            assertEquals("1", reply.header("Retry-After"));
        });
    }
}
