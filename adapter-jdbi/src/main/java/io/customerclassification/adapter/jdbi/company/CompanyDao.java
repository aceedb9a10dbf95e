package io.customerclassification.adapter.jdbi.company;

import java.util.List;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The one home of {@code company}'s SQL. Looking a company up by id is part of every request of both dialects (until
 * the adapter remembers it), so it runs as plain JDBC like the other statements of the request path; the rest is a
 * SqlObject DAO (docs/persistence.md, "Two access styles").
 */
@RegisterConstructorMapper(CompanyDao.CompanyRow.class)
interface CompanyDao {

    /** Id; run through {@code Jdbc.first}. */
    String BY_ID = "SELECT id, name FROM company WHERE id = ?";

    /** A row of {@code company}, mapped by constructor. */
    record CompanyRow(@ColumnName("id") long id, @ColumnName("name") String name) {}

    @SqlQuery("SELECT id, name FROM company ORDER BY id")
    List<CompanyRow> all();

    @SqlUpdate("INSERT INTO company (id, name) VALUES (:id, :name)")
    void insert(@Bind("id") long id, @Bind("name") String name);
}
