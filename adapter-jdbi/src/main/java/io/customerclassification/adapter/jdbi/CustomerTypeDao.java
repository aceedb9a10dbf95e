package io.customerclassification.adapter.jdbi;

import io.customerclassification.domain.customertype.Audit;
import io.customerclassification.domain.customertype.CustomerType;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import io.customerclassification.domain.customertype.CustomerTypeStatus;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The fixed statements on {@code customer_type}; dynamic queries are compiled by {@link QueryCompiler}. */
@RegisterRowMapper(CustomerTypeDao.Mapper.class)
interface CustomerTypeDao {

    String COLUMNS = "t.key, t.company_id, t.name, t.status, t.parent_key, t.created_at, t.created_by, "
            + "t.modified_at, t.modified_by, p.name AS parent_name";
    String PARENT_JOIN = " LEFT JOIN customer_type p ON p.company_id = t.company_id AND p.key = t.parent_key";
    String FROM = " FROM customer_type t" + PARENT_JOIN;

    /** By key; read through plain JDBC (see {@code JdbiPersistence.lookup}), so positional. */
    String BY_KEY = "SELECT " + COLUMNS + FROM + " WHERE t.company_id = ? AND t.key = ?";

    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE t.company_id = :company AND t.name_fold = :fold")
    Optional<CustomerTypeRow> findByFold(@Bind("company") long company, @Bind("fold") String fold);

    /** Through plain JDBC, so positional: company, fold. */
    String NAME_TAKEN = "SELECT EXISTS (SELECT 1 FROM customer_type WHERE company_id = ? AND name_fold = ?)";

    @SqlQuery("SELECT " + COLUMNS + FROM + " WHERE t.company_id = :company AND t.parent_key = :key ORDER BY t.key")
    List<CustomerTypeRow> children(@Bind("company") long company, @Bind("key") long key);

    @SqlUpdate("INSERT INTO customer_type (company_id, name, name_fold, status, parent_key, created_at, created_by,"
            + " modified_at, modified_by) VALUES (:company, :name, :fold, :status, :parent, :createdAt, :createdBy,"
            + " :modifiedAt, :modifiedBy)")
    @GetGeneratedKeys("key")
    long insert(@Bind("company") long company, @Bind("name") String name, @Bind("fold") String fold,
            @Bind("status") String status, @Bind("parent") Long parent, @Bind("createdAt") long createdAt,
            @Bind("createdBy") String createdBy, @Bind("modifiedAt") long modifiedAt,
            @Bind("modifiedBy") String modifiedBy);

    @SqlUpdate("UPDATE customer_type SET status = :status, parent_key = :parent, modified_at = :modifiedAt,"
            + " modified_by = :modifiedBy WHERE company_id = :company AND key = :key")
    int update(@Bind("company") long company, @Bind("key") long key, @Bind("status") String status,
            @Bind("parent") Long parent, @Bind("modifiedAt") long modifiedAt, @Bind("modifiedBy") String modifiedBy);

    @SqlUpdate("DELETE FROM customer_type WHERE company_id = :company AND key = :key")
    int delete(@Bind("company") long company, @Bind("key") long key);

    /**
     * Maps the columns of {@link #COLUMNS}, which every query of this mapper selects first and in this order: by
     * position, since sqlite-jdbc looks a label up by building a name map for each result set.
     */
    final class Mapper implements RowMapper<CustomerTypeRow> {
        @Override
        public CustomerTypeRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            long parent = rs.getLong(5);
            boolean root = rs.wasNull();
            String parentName = rs.getString(10);
            CustomerType type = new CustomerType(
                    CustomerTypeKey.of(rs.getLong(1)),
                    CompanyId.of(rs.getLong(2)),
                    Name.of(rs.getString(3)),
                    CustomerTypeStatus.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                    root ? null : CustomerTypeKey.of(parent),
                    new Audit(Instant.ofEpochSecond(rs.getLong(6)), rs.getString(7),
                            Instant.ofEpochSecond(rs.getLong(8)), rs.getString(9)));
            return new CustomerTypeRow(type, parentName == null ? null : Name.of(parentName));
        }
    }
}
