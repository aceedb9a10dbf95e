package io.customerclassification.bootstrap.console;

import io.customerclassification.bootstrap.e2e.IdentityServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's server (credentials required, the bootstrap admin client of {@link IdentityServer}) and one browser
 * on it, shared by the class's tests; after each test, the page must have logged no error.
 */
final class ConsoleUnderTest implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

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
