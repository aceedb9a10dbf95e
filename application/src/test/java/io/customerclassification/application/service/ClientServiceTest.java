package io.customerclassification.application.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.BootstrapAdminClientCommand;
import io.customerclassification.application.port.in.identity.ClientCredentials;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.CreateClientCommand;
import io.customerclassification.application.port.in.identity.IdentityLimits;
import io.customerclassification.application.port.in.identity.IssueTokenCommand;
import io.customerclassification.application.port.in.identity.RevokeApiKeyCommand;
import io.customerclassification.application.port.in.identity.UpdateClientCommand;
import io.customerclassification.domain.identity.AdminRequiredException;
import io.customerclassification.domain.identity.ApiKeyNotFoundException;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientAlreadyExistsException;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.ClientNotFoundException;
import io.customerclassification.domain.identity.InvalidClientException;
import io.customerclassification.domain.identity.InvalidTokenException;
import io.customerclassification.domain.identity.TooManyApiKeysException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ClientServiceTest extends IdentityFixtures {

    private static final Caller SYSTEM = Caller.system(null);
    private static final ClientId REPORTING = ClientId.of("reporting");

    @Test
    void aClientIsCreatedWithARandomSecretStoredOnlyAsAHash() {
        ClientWithSecret created = client("reporting", false, VIEW_TYPES_OF_ONE);
        assertEquals(43, created.secret().length());
        String stored = identity.store().loadClient(REPORTING).orElseThrow().secretHash();
        assertFalse(stored.contains(created.secret()));
        assertFalse(created.toString().contains(created.secret()));
        assertEquals(created.client(), identity.clients().getClient(new ClientQuery(SYSTEM, REPORTING)));
        assertNotEquals(created.secret(), client("other", false, List.of()).secret());
    }

    @Test
    void aTakenIdIsRefused() {
        client("reporting", false, List.of());
        assertThrows(ClientAlreadyExistsException.class, () -> client("reporting", true, List.of()));
    }

    @Test
    void clientsAreListedByIdWithoutSecrets() {
        client("b", false, List.of());
        client("a", true, VIEW_TYPES_OF_ONE);
        assertEquals(List.of("a", "b"),
                identity.clients().listClients(SYSTEM).stream().map(c -> c.id().value()).toList());
    }

    @Test
    void anUpdateChangesOnlyWhatItNames() {
        client("reporting", false, VIEW_TYPES_OF_ONE);
        Client admin = identity.clients().updateClient(new UpdateClientCommand(SYSTEM, REPORTING, true, null));
        assertEquals(new Client(REPORTING, true, VIEW_TYPES_OF_ONE), admin);
        Client noGrants = identity.clients().updateClient(new UpdateClientCommand(SYSTEM, REPORTING, null, List.of()));
        assertEquals(new Client(REPORTING, true, List.of()), noGrants);
        assertThrows(ClientNotFoundException.class,
                () -> identity.clients().updateClient(new UpdateClientCommand(SYSTEM, ClientId.of("x"), true, null)));
    }

    @Test
    void onlyAnAdminAdministers() {
        ClientWithSecret plain = client("plain", false, VIEW_TYPES_OF_ONE);
        ClientWithSecret admin = client("boss", true, List.of());
        Caller notAdmin = authenticate(token(plain).accessToken());
        Caller isAdmin = authenticate(token(admin).accessToken());
        List<Consumer<Caller>> operations = List.of(
                caller -> identity.clients().createClient(new CreateClientCommand(caller, ClientId.of("n"), false, List.of())),
                caller -> identity.clients().listClients(caller),
                caller -> identity.clients().getClient(new ClientQuery(caller, ClientId.of("plain"))),
                caller -> identity.clients().updateClient(new UpdateClientCommand(caller, ClientId.of("plain"), null, null)),
                caller -> identity.clients().rotateClientSecret(new ClientQuery(caller, ClientId.of("boss"))),
                caller -> identity.clients().createApiKey(new ClientQuery(caller, ClientId.of("plain"))),
                caller -> identity.clients().listApiKeys(new ClientQuery(caller, ClientId.of("plain"))),
                caller -> identity.clients().revokeApiKey(new RevokeApiKeyCommand(caller, ClientId.of("plain"), "none")),
                caller -> identity.clients().deleteClient(new ClientQuery(caller, ClientId.of("plain"))));
        for (Consumer<Caller> operation : operations) {
            assertThrows(AdminRequiredException.class, () -> operation.accept(notAdmin));
        }
        assertThrows(AdminRequiredException.class,
                () -> identity.clients().getClient(new ClientQuery(notAdmin, ClientId.of("nobody"))),
                "refused before it is known whether the client exists");
        assertEquals(2 + 0, identity.clients().listClients(isAdmin).size());
        operations.get(0).accept(isAdmin);
        assertEquals(3, identity.clients().listClients(isAdmin).size());
    }

    @Test
    void aRotatedSecretReplacesTheOldOne() {
        ClientWithSecret before = client("reporting", false, List.of());
        ClientWithSecret after = identity.clients().rotateClientSecret(new ClientQuery(SYSTEM, REPORTING));
        assertNotEquals(before.secret(), after.secret());
        assertThrows(InvalidClientException.class, () -> token(before));
        assertDoesNotThrow(() -> token(after));
    }

    @Test
    void apiKeysAreListedRevokedAndBounded() {
        client("reporting", false, List.of());
        ClientQuery query = new ClientQuery(SYSTEM, REPORTING);
        String first = identity.clients().createApiKey(query).keyId();
        for (int i = 1; i < IdentityLimits.MAX_API_KEYS; i++) {
            identity.clients().createApiKey(query);
        }
        assertEquals(IdentityLimits.MAX_API_KEYS, identity.clients().listApiKeys(query).size());
        assertThrows(TooManyApiKeysException.class, () -> identity.clients().createApiKey(query));
        identity.clients().revokeApiKey(new RevokeApiKeyCommand(SYSTEM, REPORTING, first));
        assertThrows(ApiKeyNotFoundException.class,
                () -> identity.clients().revokeApiKey(new RevokeApiKeyCommand(SYSTEM, REPORTING, first)));
        assertDoesNotThrow(() -> identity.clients().createApiKey(query));
        client("other", false, List.of());
        String othersKey = identity.clients().createApiKey(new ClientQuery(SYSTEM, ClientId.of("other"))).keyId();
        assertThrows(ApiKeyNotFoundException.class,
                () -> identity.clients().revokeApiKey(new RevokeApiKeyCommand(SYSTEM, REPORTING, othersKey)),
                "a key is revoked through its own client only");
    }

    @Test
    void theFirstAdminIsCreatedOnceOnAnEmptyStoreWithEveryPermission() {
        ClientWithSecret first = identity.clients().createFirstAdminClient().orElseThrow();
        assertEquals(new Client(ClientId.of("admin"), true, ClientService.EVERYTHING), first.client());
        assertTrue(identity.clients().createFirstAdminClient().isEmpty());
        assertDoesNotThrow(() -> token(first));
    }

    @Test
    void noFirstAdminOnAStoreWithClients() {
        client("reporting", false, List.of());
        assertTrue(identity.clients().createFirstAdminClient().isEmpty());
    }

    @Test
    void theBootstrapClientIsCreatedOrUpdatedAndKeepsItsTokensWhileItsSecretStays() {
        String secret = "bootstrap-secret-0123456789";
        BootstrapAdminClientCommand command = new BootstrapAdminClientCommand(ClientId.of("ops"), secret);
        identity.clients().bootstrapAdminClient(command);
        ClientWithSecret ops = new ClientWithSecret(new Client(ClientId.of("ops"), true, ClientService.EVERYTHING), secret);
        String access = token(ops).accessToken();

        identity.clients().updateClient(new UpdateClientCommand(SYSTEM, ClientId.of("ops"), false, List.of()));
        identity.clients().bootstrapAdminClient(command);
        assertEquals(ops.client(), identity.clients().getClient(new ClientQuery(SYSTEM, ClientId.of("ops"))));
        assertDoesNotThrow(() -> authenticate(access), "the same secret keeps the tokens");

        identity.clients().bootstrapAdminClient(
                new BootstrapAdminClientCommand(ClientId.of("ops"), "another-secret-0123456789"));
        assertThrows(InvalidTokenException.class, () -> authenticate(access), "a new secret revokes them");
        assertThrows(InvalidClientException.class, () -> identity.tokens().issueToken(
                new IssueTokenCommand(new ClientCredentials("ops", secret), null, null)));
    }

    @Test
    void aBootstrapSecretMustBeLongAndUrlSafe() {
        assertThrows(ConstraintViolationException.class,
                () -> new BootstrapAdminClientCommand(ClientId.of("ops"), "short"));
        assertThrows(ConstraintViolationException.class,
                () -> new BootstrapAdminClientCommand(ClientId.of("ops"), "has:colon-and-spaces here"));
        assertDoesNotThrow(() -> new BootstrapAdminClientCommand(ClientId.of("ops"), "A-b_c.d~0123456789"));
    }
}
