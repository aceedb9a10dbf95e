package io.customerclassification.adapter.http.simpro;

import static io.customerclassification.adapter.http.simpro.SimproHarness.BASE;
import static io.customerclassification.adapter.http.simpro.SimproHarness.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.customerclassification.adapter.http.ApiClient;
import io.customerclassification.adapter.http.ApiClient.Reply;
import io.customerclassification.application.port.in.idempotency.RequestInProgressException;
import io.customerclassification.domain.company.Company;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §3.2 in the Simpro dialect: {@code Idempotency-Key} on POST. */
class SimproIdempotencyTest {

    private final SimproHarness harness = new SimproHarness();

    private static Reply post(ApiClient api, String path, String body, String key) {
        return api.send("POST", path, body, "application/json", Map.of("Idempotency-Key", key));
    }

    private static String total(ApiClient api, String company) {
        return api.get("/api/v1.0/companies/" + company + "/setup/customerProfiles/").header("Result-Total");
    }

    @Test
    void aRetryGetsTheFirstAnswerAgainWithItsHeadersAndCreatesNothing() {
        harness.run(api -> {
            Reply first = post(api, BASE, "{\"Name\": \"Gold\"}", "retry-1");
            assertEquals(201, first.status(), first.body());
            assertNull(first.header("Idempotent-Replayed"));
            Reply again = post(api, BASE.substring(0, BASE.length() - 1), "{\"Name\": \"Gold\"}", "retry-1");
            assertEquals(201, again.status());
            assertEquals("{\"ID\":1,\"Name\":\"Gold\",\"Archived\":false}", again.body());
            assertEquals("true", again.header("Idempotent-Replayed"));
            for (String header : new String[] {"Location", "Resource-ID", "Resource-Base-URI"}) {
                assertEquals(first.header(header), again.header(header), header);
            }
            assertEquals("1", total(api, "0"));
        });
    }

    @Test
    void theSameKeyForAnotherBodyOrCompanyIs422AndCreatesNothing() {
        harness.run(api -> {
            harness.app.persistence().registerCompany(new Company(CompanyId.of(7), Name.of("Acme")));
            assertEquals(201, post(api, BASE, "{\"Name\": \"Gold\"}", "k").status());
            assertError(post(api, BASE, "{\"Name\": \"Silver\"}", "k"), 422, null,
                    "Idempotency-Key k was used for another request within the last 24 hours.");
            assertError(post(api, "/api/v1.0/companies/7/setup/customerProfiles/", "{\"Name\": \"Gold\"}", "k"), 422,
                    null, "Idempotency-Key k was used for another request within the last 24 hours.");
            assertEquals("1", total(api, "0"));
            assertEquals("0", total(api, "7"));
        });
    }

    @Test
    void aRefusalIsTheFirstAnswerToo() {
        harness.run(api -> {
            SimproHarness.create(api, "Gold");
            Reply first = post(api, BASE, "{\"Name\": \"gold\"}", "dup");
            assertError(first, 422, "/Name", "Name already exists.");
            assertEquals(204, api.delete(BASE + "1").status());
            Reply again = post(api, BASE, "{\"Name\": \"gold\"}", "dup");
            assertEquals(422, again.status());
            assertEquals(first.body(), again.body());
            assertEquals("true", again.header("Idempotent-Replayed"));
            assertEquals("0", total(api, "0"), "nothing was created, though the name is free now");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "tab\there"})
    void aKeyThatIsNotOneToTwoHundredFiftyFiveVisibleAsciiCharactersIs422(String key) {
        harness.run(api -> {
            assertError(post(api, BASE, "{\"Name\": \"Gold\"}", key), 422, null,
                    "Idempotency-Key must be one header of 1 to 255 visible ASCII characters.");
            assertEquals("0", total(api, "0"));
        });
    }

    @Test
    void aRetryWhileTheRequestStillRunsIs409WithRetryAfter() {
        SimproDialect.UseCases base = harness.useCases();
        SimproDialect.UseCases running = new SimproDialect.UseCases(base.create(), base.get(), base.list(),
                base.update(), base.delete(), base.export(), base.importRows(), base.listCompanies(), base.getCompany(), (command, request) -> {
                    throw new RequestInProgressException(command.key());
                });
        harness.run(running, api -> {
            Reply reply = post(api, BASE, "{\"Name\": \"Gold\"}", "slow");
            assertError(reply, 409, null,
                    "A request with Idempotency-Key slow is still running; retry once it has been answered.");
            assertEquals("1", reply.header("Retry-After"));
        });
    }
}
