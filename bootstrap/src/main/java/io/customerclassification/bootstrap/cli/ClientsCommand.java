package io.customerclassification.bootstrap.cli;

import io.customerclassification.application.port.in.identity.ApiKeyInfo;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.CreateClientCommand;
import io.customerclassification.application.port.in.identity.CreatedApiKey;
import io.customerclassification.application.port.in.identity.RevokeApiKeyCommand;
import io.customerclassification.application.port.in.identity.UpdateClientCommand;
import io.customerclassification.bootstrap.CustomerClassification;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clients …}: the admin API's client operations, for operators. */
@Command(name = "clients", description = "Create, list, show, update and delete clients; rotate secrets; API keys.")
final class ClientsCommand extends StoreCommand {

    @Command(name = "create", description = "Create a client; its secret is printed once.")
    int create(@Mixin Store store, @Parameters(paramLabel = "ID") ClientId id,
            @Option(names = "--admin", description = "may administer clients, keys and companies") boolean admin,
            @Option(names = "--grant", paramLabel = "COMPANY:RESOURCE:PERMISSIONS",
                    description = "e.g. 1:customer-type:list,view or *:customer-profile:list,view,add,edit,delete")
                    List<Grant> grants) {
        try (CustomerClassification app = open(store)) {
            ClientWithSecret created = app.createClient(new CreateClientCommand(OPERATOR, id, admin,
                    grants == null ? List.of() : grants));
            println("client " + created.client().id() + " created" + (admin ? " (admin)" : ""));
            println("secret (shown once, keep it): " + created.secret());
        }
        return 0;
    }

    @Command(name = "list", description = "Every client, by id.")
    int list(@Mixin Store store) {
        try (CustomerClassification app = open(store)) {
            app.listClients(OPERATOR).forEach(client -> println(describe(client)));
        }
        return 0;
    }

    @Command(name = "show", description = "One client and its grants.")
    int show(@Mixin Store store, @Parameters(paramLabel = "ID") ClientId id) {
        try (CustomerClassification app = open(store)) {
            println(describe(app.getClient(new ClientQuery(OPERATOR, id))));
        }
        return 0;
    }

    @Command(name = "update", description = "Change the admin flag and/or replace the grants.")
    int update(@Mixin Store store, @Parameters(paramLabel = "ID") ClientId id,
            @Option(names = "--admin", arity = "1", paramLabel = "true|false") Boolean admin,
            @Option(names = "--grant", paramLabel = "COMPANY:RESOURCE:PERMISSIONS") List<Grant> grants,
            @Option(names = "--no-grants", description = "remove every grant") boolean noGrants) {
        List<Grant> replaced = noGrants ? List.of() : grants;
        try (CustomerClassification app = open(store)) {
            println(describe(app.updateClient(new UpdateClientCommand(OPERATOR, id, admin, replaced))));
        }
        return 0;
    }

    @Command(name = "delete", description = "Delete a client; its tokens and API keys stop working.")
    int delete(@Mixin Store store, @Parameters(paramLabel = "ID") ClientId id) {
        try (CustomerClassification app = open(store)) {
            app.deleteClient(new ClientQuery(OPERATOR, id));
            println("client " + id + " deleted");
        }
        return 0;
    }

    @Command(name = "rotate-secret",
            description = "A new secret, printed once; the old one and its tokens stop working.")
    int rotateSecret(@Mixin Store store, @Parameters(paramLabel = "ID") ClientId id) {
        try (CustomerClassification app = open(store)) {
            ClientWithSecret rotated = app.rotateClientSecret(new ClientQuery(OPERATOR, id));
            println("secret of client " + rotated.client().id() + " rotated");
            println("secret (shown once, keep it): " + rotated.secret());
        }
        return 0;
    }

    @Command(name = "create-key", description = "Create an API key for the client, printed once.")
    int createKey(@Mixin Store store, @Parameters(paramLabel = "ID") ClientId id) {
        try (CustomerClassification app = open(store)) {
            CreatedApiKey key = app.createApiKey(new ClientQuery(OPERATOR, id));
            println("API key " + key.keyId() + " created for client " + id);
            println("key (shown once, keep it): " + key.apiKey());
        }
        return 0;
    }

    @Command(name = "keys", description = "The client's API keys (their ids).")
    int keys(@Mixin Store store, @Parameters(paramLabel = "ID") ClientId id) {
        try (CustomerClassification app = open(store)) {
            for (ApiKeyInfo key : app.listApiKeys(new ClientQuery(OPERATOR, id))) {
                println(key.keyId() + " created " + key.createdAt());
            }
        }
        return 0;
    }

    @Command(name = "revoke-key", description = "Revoke one of the client's API keys.")
    int revokeKey(@Mixin Store store, @Parameters(paramLabel = "ID") ClientId id,
            @Parameters(paramLabel = "KEY_ID") String keyId) {
        try (CustomerClassification app = open(store)) {
            app.revokeApiKey(new RevokeApiKeyCommand(OPERATOR, id, keyId));
            println("API key " + keyId + " revoked");
        }
        return 0;
    }

    private static String describe(Client client) {
        return client.id() + (client.admin() ? " (admin)" : "") + ": "
                + (client.grants().isEmpty() ? "no grants" : String.join(" ", client.grants().stream()
                        .map(GrantSpec::format).toList()));
    }
}
