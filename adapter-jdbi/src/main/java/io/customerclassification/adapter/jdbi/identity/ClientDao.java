package io.customerclassification.adapter.jdbi.identity;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The one home of {@code client}'s and {@code client_grant}'s SQL. Flags are bound as integers 0 or 1. */
@RegisterConstructorMapper(ClientDao.ClientRow.class)
@RegisterConstructorMapper(ClientDao.GrantRow.class)
interface ClientDao {

    record ClientRow(@ColumnName("client_id") String clientId, @ColumnName("admin") boolean admin,
            @ColumnName("secret_hash") String secretHash) {}

    /** A grant in its order; {@code companyId} null is every company. */
    record GrantRow(@ColumnName("client_id") String clientId, @ColumnName("company_id") Long companyId,
            @ColumnName("resource") String resource, @ColumnName("can_list") boolean list,
            @ColumnName("can_view") boolean view, @ColumnName("can_add") boolean add,
            @ColumnName("can_edit") boolean edit, @ColumnName("can_delete") boolean delete) {}

    @SqlQuery("SELECT client_id, admin, secret_hash FROM client WHERE client_id = :id")
    Optional<ClientRow> byId(@Bind("id") String clientId);

    @SqlQuery("SELECT client_id, admin, secret_hash FROM client ORDER BY client_id")
    List<ClientRow> all();

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM client)")
    boolean any();

    @SqlQuery("SELECT client_id, company_id, resource, can_list, can_view, can_add, can_edit, can_delete"
            + " FROM client_grant WHERE client_id = :id ORDER BY position")
    List<GrantRow> grantsOf(@Bind("id") String clientId);

    @SqlQuery("SELECT client_id, company_id, resource, can_list, can_view, can_add, can_edit, can_delete"
            + " FROM client_grant ORDER BY client_id, position")
    List<GrantRow> allGrants();

    @SqlUpdate("INSERT INTO client (client_id, admin, secret_hash) VALUES (:id, :admin, :hash)")
    void insert(@Bind("id") String clientId, @Bind("admin") int admin, @Bind("hash") String secretHash);

    @SqlUpdate("INSERT INTO client_grant (client_id, position, company_id, resource, can_list, can_view, can_add,"
            + " can_edit, can_delete) VALUES (:id, :position, :company, :resource, :list, :view, :add, :edit, :delete)")
    void insertGrant(@Bind("id") String clientId, @Bind("position") int position, @Bind("company") Long companyId,
            @Bind("resource") String resource, @Bind("list") int list, @Bind("view") int view,
            @Bind("add") int add, @Bind("edit") int edit, @Bind("delete") int delete);

    @SqlUpdate("DELETE FROM client_grant WHERE client_id = :id")
    void deleteGrants(@Bind("id") String clientId);

    @SqlUpdate("UPDATE client SET admin = :admin WHERE client_id = :id")
    void updateAdmin(@Bind("id") String clientId, @Bind("admin") int admin);

    @SqlUpdate("UPDATE client SET secret_hash = :hash WHERE client_id = :id")
    void updateSecret(@Bind("id") String clientId, @Bind("hash") String secretHash);

    /** @return the rows deleted: 1, or 0 for an unknown client */
    @SqlUpdate("DELETE FROM client WHERE client_id = :id")
    int delete(@Bind("id") String clientId);
}
