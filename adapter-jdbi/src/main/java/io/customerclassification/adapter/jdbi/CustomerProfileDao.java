package io.customerclassification.adapter.jdbi;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The fixed statements on {@code customer_profile}; dynamic queries are compiled by {@link QueryCompiler}. */
@RegisterRowMapper(CustomerProfileDao.Mapper.class)
interface CustomerProfileDao {

    String COLUMNS = "p.id, p.company_id, p.name, p.archived";

    /** By id; read through plain JDBC (see {@code JdbiPersistence.lookup}), so positional. */
    String BY_ID = "SELECT " + COLUMNS + " FROM customer_profile p WHERE p.company_id = ? AND p.id = ?";

    /** Through plain JDBC (see {@code JdbiPersistence.jdbc}), so positional: company, fold, except. */
    String NAME_TAKEN = "SELECT EXISTS (SELECT 1 FROM customer_profile WHERE company_id = ? AND name_fold = ? AND id <> ?)";

    /** Through plain JDBC, so positional: company, name, fold, archived. */
    String INSERT = "INSERT INTO customer_profile (company_id, name, name_fold, archived) VALUES (?, ?, ?, ?)";

    @SqlUpdate("UPDATE customer_profile SET name = :name, name_fold = :fold, archived = :archived"
            + " WHERE company_id = :company AND id = :id")
    int update(@Bind("company") long company, @Bind("id") long id, @Bind("name") String name,
            @Bind("fold") String fold, @Bind("archived") boolean archived);

    @SqlUpdate("DELETE FROM customer_profile WHERE company_id = :company AND id = :id")
    int delete(@Bind("company") long company, @Bind("id") long id);

    final class Mapper implements RowMapper<CustomerProfile> {
        @Override
        public CustomerProfile map(ResultSet rs, StatementContext ctx) throws SQLException {
            // by position: COLUMNS comes first, in this order, in every query of this mapper
            return new CustomerProfile(CustomerProfileId.of(rs.getLong(1)), CompanyId.of(rs.getLong(2)),
                    Name.of(rs.getString(3)), rs.getInt(4) != 0);
        }
    }
}
