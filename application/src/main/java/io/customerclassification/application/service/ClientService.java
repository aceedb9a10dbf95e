package io.customerclassification.application.service;

import io.customerclassification.application.port.in.Caller;
import io.customerclassification.application.port.in.identity.ApiKeyInfo;
import io.customerclassification.application.port.in.identity.BootstrapAdminClientCommand;
import io.customerclassification.application.port.in.identity.BootstrapAdminClientUseCase;
import io.customerclassification.application.port.in.identity.ClientQuery;
import io.customerclassification.application.port.in.identity.ClientWithSecret;
import io.customerclassification.application.port.in.identity.CreateApiKeyUseCase;
import io.customerclassification.application.port.in.identity.CreateClientCommand;
import io.customerclassification.application.port.in.identity.CreateClientUseCase;
import io.customerclassification.application.port.in.identity.CreateFirstAdminClientUseCase;
import io.customerclassification.application.port.in.identity.CreatedApiKey;
import io.customerclassification.application.port.in.identity.DeleteClientUseCase;
import io.customerclassification.application.port.in.identity.GetClientUseCase;
import io.customerclassification.application.port.in.identity.IdentityLimits;
import io.customerclassification.application.port.in.identity.ListApiKeysUseCase;
import io.customerclassification.application.port.in.identity.ListClientsUseCase;
import io.customerclassification.application.port.in.identity.RevokeApiKeyCommand;
import io.customerclassification.application.port.in.identity.RevokeApiKeyUseCase;
import io.customerclassification.application.port.in.identity.RotateClientSecretUseCase;
import io.customerclassification.application.port.in.identity.UpdateClientCommand;
import io.customerclassification.application.port.in.identity.UpdateClientUseCase;
import io.customerclassification.application.port.out.TransactionPort;
import io.customerclassification.application.port.out.identity.DeleteApiKeyPort;
import io.customerclassification.application.port.out.identity.DeleteClientPort;
import io.customerclassification.application.port.out.identity.GenerateSecretPort;
import io.customerclassification.application.port.out.identity.HashSecretPort;
import io.customerclassification.application.port.out.identity.IdentityChangePort;
import io.customerclassification.application.port.out.identity.LoadApiKeyPort;
import io.customerclassification.application.port.out.identity.LoadClientPort;
import io.customerclassification.application.port.out.identity.SaveApiKeyPort;
import io.customerclassification.application.port.out.identity.SaveClientPort;
import io.customerclassification.application.port.out.identity.SaveTokenFamilyPort;
import io.customerclassification.application.port.out.identity.StoredApiKey;
import io.customerclassification.application.port.out.identity.StoredClient;
import io.customerclassification.domain.identity.ApiKeyNotFoundException;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.ClientNotFoundException;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.identity.TooManyApiKeysException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The administration of clients, their secrets and API keys (CONTRACT §4), for admin callers. Secrets and keys are
 * 256-bit random values, returned once and stored only as slow hashes. Every change that can take access away is
 * recorded as an identity change in its transaction, and answered only once the change has settled
 * ({@link IdentityVersion#settle()}), so that it applies at once on every instance.
 */
public final class ClientService
        implements CreateClientUseCase,
                ListClientsUseCase,
                GetClientUseCase,
                UpdateClientUseCase,
                DeleteClientUseCase,
                RotateClientSecretUseCase,
                CreateApiKeyUseCase,
                ListApiKeysUseCase,
                RevokeApiKeyUseCase,
                CreateFirstAdminClientUseCase,
                BootstrapAdminClientUseCase {

    /** Every permission on every resource of every company: what the first and the bootstrap admin get. */
    public static final List<Grant> EVERYTHING = Arrays.stream(Resource.values())
            .map(resource -> Grant.onEveryCompany(resource, EnumSet.allOf(Permission.class)))
            .toList();

    /** The out-ports this service needs. */
    public record Ports(
            LoadClientPort loadClients,
            SaveClientPort saveClients,
            DeleteClientPort deleteClients,
            LoadApiKeyPort loadApiKeys,
            SaveApiKeyPort saveApiKeys,
            DeleteApiKeyPort deleteApiKeys,
            SaveTokenFamilyPort tokenFamilies,
            IdentityChangePort changes,
            TransactionPort transaction,
            HashSecretPort hasher,
            GenerateSecretPort generator) {

        /** The ports from the stores that implement them together, and the crypto parts. */
        public static <C extends LoadClientPort & SaveClientPort & DeleteClientPort,
                        A extends LoadApiKeyPort & SaveApiKeyPort & DeleteApiKeyPort>
                Ports of(C clients, A apiKeys, SaveTokenFamilyPort tokenFamilies, IdentityChangePort changes,
                        TransactionPort transaction, HashSecretPort hasher, GenerateSecretPort generator) {
            return new Ports(clients, clients, clients, apiKeys, apiKeys, apiKeys, tokenFamilies, changes, transaction,
                    hasher, generator);
        }
    }

    private final Ports ports;
    private final Clock clock;
    private final Authorization authorization = new Authorization();

    public ClientService(Ports ports, Clock clock) {
        this.ports = ports;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ClientWithSecret createClient(CreateClientCommand command) {
        authorization.requireAdmin(command.caller());
        Client client = new Client(command.clientId(), command.admin(), command.grants());
        String secret = ports.generator().newSecret();
        StoredClient stored = new StoredClient(client, ports.hasher().hashSecret(secret));
        ports.transaction().inTransaction(() -> ports.saveClients().insertClient(stored));
        return new ClientWithSecret(client, secret);
    }

    @Override
    public List<Client> listClients(Caller caller) {
        authorization.requireAdmin(caller);
        return ports.loadClients().loadAllClients();
    }

    @Override
    public Client getClient(ClientQuery query) {
        authorization.requireAdmin(query.caller());
        return load(query.clientId()).client();
    }

    @Override
    public Client updateClient(UpdateClientCommand command) {
        authorization.requireAdmin(command.caller());
        ClientUpdate update = ports.transaction().inTransaction(() -> {
            Client current = load(command.clientId()).client();
            Client next = current.withAdmin(command.newAdmin().orElse(current.admin()))
                    .withGrants(command.newGrants().orElse(current.grants()));
            boolean changed = !next.equals(current);
            if (changed) {
                ports.saveClients().updateClient(next);
                ports.changes().recordIdentityChange();
            }
            return new ClientUpdate(next, changed);
        });
        if (update.changed()) {
            IdentityVersion.settle();
        }
        return update.client();
    }

    @Override
    public void deleteClient(ClientQuery query) {
        authorization.requireAdmin(query.caller());
        ports.transaction().inTransaction(() -> {
            if (!ports.deleteClients().deleteClient(query.clientId())) {
                throw new ClientNotFoundException(query.clientId());
            }
            ports.changes().recordIdentityChange();
        });
        IdentityVersion.settle();
    }

    @Override
    public ClientWithSecret rotateClientSecret(ClientQuery query) {
        authorization.requireAdmin(query.caller());
        String secret = ports.generator().newSecret();
        String hash = ports.hasher().hashSecret(secret);
        Instant now = clock.instant();
        Client client = ports.transaction().inTransaction(() -> {
            Client current = load(query.clientId()).client();
            ports.saveClients().updateClientSecret(current.id(), hash);
            ports.tokenFamilies().revokeTokenFamilies(current.id(), now);
            ports.changes().recordIdentityChange();
            return current;
        });
        IdentityVersion.settle();
        return new ClientWithSecret(client, secret);
    }

    @Override
    public CreatedApiKey createApiKey(ClientQuery query) {
        authorization.requireAdmin(query.caller());
        String keyId = ports.generator().newIdentifier();
        String secret = ports.generator().newSecret();
        StoredApiKey key = new StoredApiKey(keyId, query.clientId(), ports.hasher().hashSecret(secret), clock.instant());
        ports.transaction().inTransaction(() -> {
            load(query.clientId());
            if (ports.loadApiKeys().loadApiKeys(query.clientId()).size() >= IdentityLimits.MAX_API_KEYS) {
                throw new TooManyApiKeysException(query.clientId(), IdentityLimits.MAX_API_KEYS);
            }
            ports.saveApiKeys().insertApiKey(key);
        });
        return new CreatedApiKey(keyId, Credentials.apiKey(keyId, secret));
    }

    @Override
    public List<ApiKeyInfo> listApiKeys(ClientQuery query) {
        authorization.requireAdmin(query.caller());
        load(query.clientId());
        return ports.loadApiKeys().loadApiKeys(query.clientId()).stream()
                .map(key -> new ApiKeyInfo(key.keyId(), key.createdAt()))
                .toList();
    }

    @Override
    public void revokeApiKey(RevokeApiKeyCommand command) {
        authorization.requireAdmin(command.caller());
        ports.transaction().inTransaction(() -> {
            if (!ports.deleteApiKeys().deleteApiKey(command.clientId(), command.keyId())) {
                throw new ApiKeyNotFoundException(command.clientId(), command.keyId());
            }
            ports.changes().recordIdentityChange();
        });
        IdentityVersion.settle();
    }

    @Override
    public Optional<ClientWithSecret> createFirstAdminClient() {
        if (ports.loadClients().anyClientExists()) {
            return Optional.empty();
        }
        Client admin = new Client(ClientId.of(FIRST_ADMIN_CLIENT_ID), true, EVERYTHING);
        String secret = ports.generator().newSecret();
        StoredClient stored = new StoredClient(admin, ports.hasher().hashSecret(secret));
        boolean created = ports.transaction().inTransaction(() -> {
            if (ports.loadClients().anyClientExists()) {
                return false; // another instance was first
            }
            ports.saveClients().insertClient(stored);
            return true;
        });
        return created ? Optional.of(new ClientWithSecret(admin, secret)) : Optional.empty();
    }

    @Override
    public Client bootstrapAdminClient(BootstrapAdminClientCommand command) {
        Client admin = new Client(command.clientId(), true, EVERYTHING);
        Optional<StoredClient> before = ports.loadClients().loadClient(command.clientId());
        boolean sameSecret = before.isPresent()
                && ports.hasher().secretMatches(command.secret(), before.get().secretHash());
        String hash = sameSecret ? before.get().secretHash() : ports.hasher().hashSecret(command.secret());
        Instant now = clock.instant();
        boolean changedIdentity = ports.transaction().inTransaction(() -> {
            Optional<StoredClient> current = ports.loadClients().loadClient(command.clientId());
            if (current.isEmpty()) {
                ports.saveClients().insertClient(new StoredClient(admin, hash));
                return false;
            }
            boolean changed = false;
            if (!current.get().client().equals(admin)) {
                ports.saveClients().updateClient(admin);
                changed = true;
            }
            if (!current.get().secretHash().equals(hash)) {
                ports.saveClients().updateClientSecret(admin.id(), hash);
                ports.tokenFamilies().revokeTokenFamilies(admin.id(), now);
                changed = true;
            }
            if (changed) {
                ports.changes().recordIdentityChange();
            }
            return changed;
        });
        if (changedIdentity) {
            IdentityVersion.settle();
        }
        return admin;
    }

    /** A client as an update left it, and whether the update changed it. */
    private record ClientUpdate(Client client, boolean changed) {}

    private StoredClient load(ClientId id) {
        return ports.loadClients().loadClient(id).orElseThrow(() -> new ClientNotFoundException(id));
    }
}
