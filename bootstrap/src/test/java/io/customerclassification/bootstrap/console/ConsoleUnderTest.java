package io.customerclassification.bootstrap.console;

import io.customerclassification.bootstrap.e2e.IdentityServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's server (credentials required, the bootstrap admin client of {@link IdentityServer}) and one browser
 * on it, shared by the class's tests; after each test, the page must have logged no error. On a machine without
 * Chromium the class is skipped, with the reason ({@link Browser#whyNot()}).
 */
final class ConsoleUnderTest implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, AfterEachCallback {

    private final String[] serverArgs;
    private IdentityServer server;
    private Browser browser;

    /** @param serverArgs more arguments of the server, such as {@code --company 1=Acme} */
    ConsoleUnderTest(String... serverArgs) {
        this.serverArgs = serverArgs.clone();
    }

    IdentityServer server() {
        return server;
    }

    Browser browser() {
        return browser;
    }

    /** Skips the test class, reported as skipped with the reason, when this machine has no browser for it. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Browser.whyNot().map(why -> {
            System.err.println(why);
            return ConditionEvaluationResult.disabled(why);
        }).orElseGet(() -> ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = IdentityServer.start(serverArgs);
        browser = Browser.open(server.server().port());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browser.assertNoPageErrors();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
