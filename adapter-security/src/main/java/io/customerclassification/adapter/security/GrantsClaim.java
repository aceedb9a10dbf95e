package io.customerclassification.adapter.security;

import io.customerclassification.domain.identity.Grant;
import io.customerclassification.domain.identity.Permission;
import io.customerclassification.domain.identity.Resource;
import io.customerclassification.domain.shared.CompanyId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grants read from a token claim, in the admin API's form: an array of
 * {@code {"company": <id> | "*", "resource": "customer-profile" | "customer-type", "permissions": [...]}}.
 */
final class GrantsClaim {

    private static final int MAX_GRANTS = 1_000;

    private GrantsClaim() {}

    /** @throws IllegalArgumentException when the claim is not in that form */
    static List<Grant> parse(Object claim) {
        if (!(claim instanceof List<?> entries) || entries.size() > MAX_GRANTS) {
            throw new IllegalArgumentException("the grants claim is no array of at most " + MAX_GRANTS + " grants");
        }
        List<Grant> grants = new ArrayList<>(entries.size());
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> grant) || grant.size() != 3) {
                throw new IllegalArgumentException("a grant is an object of company, resource and permissions");
            }
            Resource resource = Resource.fromWireName(String.valueOf(grant.get("resource")))
                    .orElseThrow(() -> new IllegalArgumentException("unknown resource"));
            grants.add(new Grant(company(grant.get("company")), resource, permissions(grant.get("permissions"))));
        }
        return grants;
    }

    private static CompanyId company(Object company) {
        if ("*".equals(company)) {
            return null;
        }
        if (company instanceof Number number && number.doubleValue() == number.longValue() && number.longValue() >= 0) {
            return CompanyId.of(number.longValue());
        }
        throw new IllegalArgumentException("a company is a non-negative integer or \"*\"");
    }

    private static Set<Permission> permissions(Object permissions) {
        if (!(permissions instanceof List<?> names)) {
            throw new IllegalArgumentException("permissions are an array");
        }
        Set<Permission> set = EnumSet.noneOf(Permission.class);
        for (Object name : names) {
            set.add(Permission.fromWireName(String.valueOf(name))
                    .orElseThrow(() -> new IllegalArgumentException("unknown permission")));
        }
        return set;
    }
}
