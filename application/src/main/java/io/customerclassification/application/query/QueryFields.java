package io.customerclassification.application.query;

/** Checks that criteria only name fields of the catalogue they are meant for. */
public final class QueryFields {

    private QueryFields() {}

    public static boolean onlyFrom(Criteria criteria, FieldCatalogue<?> catalogue) {
        return onlyFrom(criteria.filter(), catalogue)
                && criteria.sort().stream().allMatch(key -> catalogue.contains(key.field()))
                && criteria.projection().stream().allMatch(catalogue::contains);
    }

    public static boolean onlyFrom(Filter filter, FieldCatalogue<?> catalogue) {
        if (filter instanceof Filter.And and) {
            return and.operands().stream().allMatch(operand -> onlyFrom(operand, catalogue));
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().stream().allMatch(operand -> onlyFrom(operand, catalogue));
        }
        if (filter instanceof Filter.Not not) {
            return onlyFrom(not.operand(), catalogue);
        }
        return catalogue.contains(((Comparison) filter).field());
    }
}
