package io.customerclassification.benchmark.jmh;

import io.customerclassification.adapter.jdbi.customertype.CustomerTypeSql;
import io.customerclassification.adapter.jdbi.page.PageSql;
import io.customerclassification.adapter.jdbi.page.QueryDialect;
import io.customerclassification.adapter.jdbi.sqlite.SqliteQueryDialect;
import io.customerclassification.application.query.Comparison;
import io.customerclassification.application.query.Criteria;
import io.customerclassification.application.query.CustomerTypeField;
import io.customerclassification.application.query.Filter;
import io.customerclassification.application.query.Operator;
import io.customerclassification.application.query.Paging;
import io.customerclassification.application.query.SortKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The neutral query model compiled to SQL, below any database: the statements of one page request of the
 * query service, over the customer types' page source.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueryCompilerBenchmark {

    /** A filterExpression over three conditions, a text order, a deep page: "(1 or 2) and 3". */
    private final Criteria threeConditions = new Criteria(Filter.and(
            Filter.or(Comparison.of(CustomerTypeField.PARENT_KEY, Operator.EQ, 42L),
                    Comparison.ignoringCase(CustomerTypeField.NAME, Operator.STARTS_WITH, "Reseller")),
            Comparison.of(CustomerTypeField.STATUS, Operator.EQ, "active")),
            List.of(SortKey.desc(CustomerTypeField.NAME)), Paging.of(50_000, 100));

    /** Ten conditions of every kind, nested. */
    private final Criteria tenConditions = new Criteria(Filter.and(
            Comparison.of(CustomerTypeField.STATUS, Operator.IN, "active", "inactive"),
            Filter.not(Comparison.of(CustomerTypeField.PARENT_KEY, Operator.IS_NULL)),
            Filter.or(Comparison.of(CustomerTypeField.NAME, Operator.LIKE, "Gold%"),
                    Comparison.ignoringCase(CustomerTypeField.NAME, Operator.CONTAINS, "silver"),
                    Comparison.of(CustomerTypeField.PARENT_NAME, Operator.ENDS_WITH, "Partner")),
            Comparison.of(CustomerTypeField.CREATED_AT, Operator.BETWEEN, Instant.parse("2026-01-01T00:00:00Z"),
                    Instant.parse("2026-12-31T23:59:59Z")),
            Comparison.of(CustomerTypeField.MODIFIED_AT, Operator.GE, Instant.parse("2026-06-01T00:00:00Z")),
            Comparison.ignoringCase(CustomerTypeField.CREATED_BY, Operator.NE, "robot"),
            Comparison.of(CustomerTypeField.KEY, Operator.NOT_BETWEEN, 10L, 20L),
            Comparison.of(CustomerTypeField.MODIFIED_BY, Operator.NOT_IN, "a", "b", "c")),
            List.of(SortKey.asc(CustomerTypeField.CREATED_AT), SortKey.desc(CustomerTypeField.NAME)),
            Paging.of(0, 100));

    private static final QueryDialect SQLITE = new SqliteQueryDialect();

    @Benchmark
    public Object compileThreeConditionsPage() {
        PageSql sql = new PageSql(CustomerTypeSql.TYPES, 0, threeConditions, SQLITE);
        return List.of(sql.count(), sql.rows(List.of("reseller", "Reseller", 42L), 17, 100));
    }

    @Benchmark
    public Object compileTenConditionsPage() {
        PageSql sql = new PageSql(CustomerTypeSql.TYPES, 0, tenConditions, SQLITE);
        return List.of(sql.count(), sql.rows(null, 0, 100));
    }
}
