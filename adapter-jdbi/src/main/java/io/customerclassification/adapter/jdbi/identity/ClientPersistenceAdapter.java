package io.customerclassification.adapter.jdbi.identity;

import io.customerclassification.adapter.jdbi.session.Constraint;
import io.customerclassification.adapter.jdbi.session.ConstraintViolation;
import io.customerclassification.adapter.jdbi.session.Session;
import io.customerclassification.application.port.out.identity.DeleteClientPort;
import io.customerclassification.application.port.out.identity.LoadClientPort;
import io.customerclassification.application.port.out.identity.SaveClientPort;
import io.customerclassification.application.port.out.identity.StoredClient;
import io.customerclassification.domain.identity.Client;
import io.customerclassification.domain.identity.ClientAlreadyExistsException;
import io.customerclassification.domain.identity.ClientId;
import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Clients and their grants over SQL ({@link ClientDao}). A client's grants are rows in their order, a permission a
 * 0/1 column each; a deleted client's grants, API keys and token families go with it ({@code ON DELETE CASCADE}).
 */
public final class ClientPersistenceAdapter implements LoadClientPort, SaveClientPort, DeleteClientPort {

    private final Session session;

    public ClientPersistenceAdapter(Session session) {
        this.session = session;
    }

    @Override
    public Optional<StoredClient> loadClient(ClientId id) {
        return session.snapshot(jdbc -> jdbc.dao(ClientDao.class, dao -> dao.byId(id.value())
                .map(row -> stored(row, dao.grantsOf(id.value())))));
    }

    @Override
    public List<Client> loadAllClients() {
        return session.snapshot(jdbc -> jdbc.dao(ClientDao.class, dao -> {
            Map<String, List<ClientDao.GrantRow>> grants = new HashMap<>();
            for (ClientDao.GrantRow grant : dao.allGrants()) {
                grants.computeIfAbsent(grant.clientId(), id -> new ArrayList<>()).add(grant);
            }
            return dao.all().stream()
                    .map(row -> stored(row, grants.getOrDefault(row.clientId(), List.of())).client())
                    .toList();
        }));
    }

    @Override
    public boolean anyClientExists() {
        return session.read(jdbc -> jdbc.dao(ClientDao.class, ClientDao::any));
    }

    @Override
    public void insertClient(StoredClient stored) {
        Client client = stored.client();
        session.write(jdbc -> {
            try {
                jdbc.dao(ClientDao.class, dao -> {
                    dao.insert(client.id().value(), flag(client.admin()), stored.secretHash());
                    return null;
                });
            } catch (ConstraintViolation e) {
                if (e.broke(Constraint.PRIMARY_KEY) || e.broke(Constraint.UNIQUE)) {
                    throw new ClientAlreadyExistsException(client.id());
                }
                throw e;
            }
            return jdbc.dao(ClientDao.class, dao -> {
                insertGrants(dao, client);
                return null;
            });
        });
    }

    @Override
    public void updateClient(Client client) {
        session.write(jdbc -> jdbc.dao(ClientDao.class, dao -> {
            dao.updateAdmin(client.id().value(), flag(client.admin()));
            dao.deleteGrants(client.id().value());
            insertGrants(dao, client);
            return null;
        }));
    }

    @Override
    public void updateClientSecret(ClientId id, String secretHash) {
        session.write(jdbc -> jdbc.dao(ClientDao.class, dao -> {
            dao.updateSecret(id.value(), secretHash);
            return null;
        }));
    }

    @Override
    public boolean deleteClient(ClientId id) {
        return session.write(jdbc -> jdbc.dao(ClientDao.class, dao -> dao.delete(id.value()) > 0));
    }

    private static void insertGrants(ClientDao dao, Client client) {
        for (int position = 0; position < client.grants().size(); position++) {
            Grant grant = client.grants().get(position);
            Set<Permission> permissions = grant.permissions();
            dao.insertGrant(client.id().value(), position, grant.isForEveryCompany() ? null : grant.company().value(),
                    grant.resource().wireName(), flag(permissions.contains(Permission.LIST)),
                    flag(permissions.contains(Permission.VIEW)), flag(permissions.contains(Permission.ADD)),
                    flag(permissions.contains(Permission.EDIT)), flag(permissions.contains(Permission.DELETE)));
        }
    }

    /** A flag as both databases store it: an integer 0 or 1 (PostgreSQL binds no boolean into an integer column). */
    private static int flag(boolean value) {
        return value ? 1 : 0;
    }

    private static StoredClient stored(ClientDao.ClientRow row, List<ClientDao.GrantRow> grants) {
        return new StoredClient(new Client(ClientId.of(row.clientId()), row.admin(),
                grants.stream().map(ClientPersistenceAdapter::grant).toList()), row.secretHash());
    }

    private static Grant grant(ClientDao.GrantRow row) {
        Resource resource = Resource.fromWireName(row.resource())
                .orElseThrow(() -> new IllegalStateException("client_grant holds an unknown resource"));
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (row.list()) {
            permissions.add(Permission.LIST);
        }
        if (row.view()) {
            permissions.add(Permission.VIEW);
        }
        if (row.add()) {
            permissions.add(Permission.ADD);
        }
        if (row.edit()) {
            permissions.add(Permission.EDIT);
        }
        if (row.delete()) {
            permissions.add(Permission.DELETE);
        }
        return new Grant(row.companyId() == null ? null : CompanyId.of(row.companyId()), resource, permissions);
    }
}
