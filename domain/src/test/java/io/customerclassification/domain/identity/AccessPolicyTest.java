package io.customerclassification.domain.identity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.shared.CompanyId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AccessPolicyTest {

    private static final ClientId CLIENT = ClientId.of("reporting");
    private static final CompanyId ONE = CompanyId.of(1);
    private static final CompanyId TWO = CompanyId.of(2);
    private final AccessPolicy policy = new AccessPolicy();

    @ParameterizedTest
    @EnumSource(Permission.class)
    void aGrantAllowsExactlyItsPermissionsOnItsResourceOfItsCompany(Permission permission) {
        List<Grant> grants = List.of(Grant.on(ONE, Resource.CUSTOMER_TYPE, Set.of(permission)));
        assertDoesNotThrow(() -> policy.check(CLIENT, grants, null, ONE, Resource.CUSTOMER_TYPE, permission));
        for (Permission other : EnumSet.complementOf(EnumSet.of(permission))) {
            denied(grants, null, ONE, Resource.CUSTOMER_TYPE, other, PermissionDeniedException.Reason.NOT_GRANTED);
        }
        denied(grants, null, TWO, Resource.CUSTOMER_TYPE, permission, PermissionDeniedException.Reason.NOT_GRANTED);
        denied(grants, null, ONE, Resource.CUSTOMER_PROFILE, permission,
                PermissionDeniedException.Reason.NOT_GRANTED);
    }

    @Test
    void aGrantOnEveryCompanyCoversEachCompany() {
        List<Grant> grants = List.of(Grant.onEveryCompany(Resource.CUSTOMER_PROFILE, Set.of(Permission.LIST)));
        for (long company : new long[] {0, 1, 2, Long.MAX_VALUE}) {
            assertDoesNotThrow(() -> policy.check(CLIENT, grants, null, CompanyId.of(company),
                    Resource.CUSTOMER_PROFILE, Permission.LIST));
        }
    }

    @Test
    void aTokenLimitedToACompanyReachesNoOther() {
        List<Grant> grants = List.of(Grant.onEveryCompany(Resource.CUSTOMER_TYPE, EnumSet.allOf(Permission.class)));
        assertDoesNotThrow(() -> policy.check(CLIENT, grants, ONE, ONE, Resource.CUSTOMER_TYPE, Permission.VIEW));
        denied(grants, ONE, TWO, Resource.CUSTOMER_TYPE, Permission.VIEW,
                PermissionDeniedException.Reason.OUTSIDE_TOKEN_COMPANY);
    }

    @Test
    void aLimitToACompanyGrantsNothingByItself() {
        denied(List.of(), ONE, ONE, Resource.CUSTOMER_TYPE, Permission.VIEW,
                PermissionDeniedException.Reason.NOT_GRANTED);
    }

    @Test
    void grantsAddUp() {
        List<Grant> grants = List.of(
                Grant.on(ONE, Resource.CUSTOMER_TYPE, Set.of(Permission.LIST)),
                Grant.on(ONE, Resource.CUSTOMER_TYPE, Set.of(Permission.VIEW)));
        assertDoesNotThrow(() -> policy.check(CLIENT, grants, null, ONE, Resource.CUSTOMER_TYPE, Permission.LIST));
        assertDoesNotThrow(() -> policy.check(CLIENT, grants, null, ONE, Resource.CUSTOMER_TYPE, Permission.VIEW));
    }

    @Test
    void aCompanyIsReachedThroughAnyPermissionOnAnyOfItsResources() {
        List<Grant> grants = List.of(Grant.on(ONE, Resource.CUSTOMER_PROFILE, Set.of(Permission.DELETE)),
                Grant.on(TWO, Resource.CUSTOMER_TYPE, Set.of()));
        assertTrue(policy.reaches(grants, null, ONE));
        assertFalse(policy.reaches(grants, null, TWO), "a grant of no permission reaches nothing");
        assertFalse(policy.reaches(grants, TWO, ONE), "nor does a token limited to another company");
        assertTrue(policy.reaches(List.of(Grant.onEveryCompany(Resource.CUSTOMER_TYPE, Set.of(Permission.LIST))),
                null, CompanyId.of(99)));
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> policy.checkReach(CLIENT, grants, null, TWO));
        assertEquals("The client has no permission on company 2", e.getMessage());
        assertEquals(PermissionDeniedException.Reason.OUTSIDE_TOKEN_COMPANY,
                assertThrows(PermissionDeniedException.class, () -> policy.checkReach(CLIENT, grants, TWO, ONE)).reason());
        assertDoesNotThrow(() -> policy.checkReach(CLIENT, grants, ONE, ONE));
    }

    @Test
    void adminRightsAreCheckedApartFromGrants() {
        assertDoesNotThrow(() -> policy.checkAdmin(CLIENT, true));
        AdminRequiredException e = assertThrows(AdminRequiredException.class, () -> policy.checkAdmin(CLIENT, false));
        assertEquals(CLIENT, e.client());
    }

    @Test
    void theRefusalNamesWhatWasMissing() {
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> policy.check(CLIENT, List.of(), null, TWO, Resource.CUSTOMER_PROFILE, Permission.DELETE));
        assertEquals("The client has no permission 'delete' on customer-profile of company 2", e.getMessage());
        assertEquals(CLIENT, e.client());
    }

    private void denied(List<Grant> grants, CompanyId limit, CompanyId company, Resource resource,
            Permission permission, PermissionDeniedException.Reason reason) {
        PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
                () -> policy.check(CLIENT, grants, limit, company, resource, permission),
                permission + " on " + resource + " of " + company + " should be denied");
        assertEquals(reason, e.reason());
        assertEquals(company, e.company());
        assertEquals(resource, e.resource());
        assertEquals(permission, e.permission());
    }
}
