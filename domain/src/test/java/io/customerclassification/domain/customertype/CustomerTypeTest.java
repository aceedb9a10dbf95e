package io.customerclassification.domain.customertype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.customerprofile.CustomerProfile;
import io.customerclassification.domain.customerprofile.CustomerProfileDraft;
import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.shared.CompanyId;
import io.customerclassification.domain.shared.Name;
import io.customerclassification.domain.shared.StaleVersionException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerTypeTest {

    private static final Instant CREATED = Instant.parse("2026-01-07T06:18:51.789Z");
    private static final Instant LATER = Instant.parse("2026-02-01T10:00:00.5Z");

    private final CustomerType root = new CustomerTypeDraft(CompanyId.DEFAULT, Name.of("Reseller"),
            CustomerTypeStatus.ACTIVE, null, Audit.created(CREATED, "alice")).withKey(CustomerTypeKey.of(1));

    @Test
    void auditIsKeptToTheSecond() {
        assertEquals(Instant.parse("2026-01-07T06:18:51Z"), root.audit().createdAt());
        assertEquals(root.audit().createdAt(), root.audit().modifiedAt());
        assertEquals("alice", root.audit().createdBy());
    }

    @Test
    void transitionsReturnNewInstancesAndStampTheAudit() {
        CustomerType inactive = root.withStatus(CustomerTypeStatus.INACTIVE, LATER, "bob");
        assertEquals(CustomerTypeStatus.ACTIVE, root.status(), "the original is unchanged");
        assertEquals(CustomerTypeStatus.INACTIVE, inactive.status());
        assertEquals(Instant.parse("2026-02-01T10:00:00Z"), inactive.audit().modifiedAt());
        assertEquals("bob", inactive.audit().modifiedBy());
        assertEquals("alice", inactive.audit().createdBy());
        assertEquals(root.audit().createdAt(), inactive.audit().createdAt());
        assertTrue(inactive.withStatus(CustomerTypeStatus.ACTIVE, LATER, null).isActive());
    }

    @Test
    void moveChangesOnlyTheParent() {
        CustomerType moved = root.moveTo(CustomerTypeKey.of(9), LATER, null);
        assertEquals(CustomerTypeKey.of(9), moved.parentKey());
        assertFalse(moved.isRoot());
        assertEquals(root.name(), moved.name());
        assertNull(moved.audit().modifiedBy());
        assertTrue(moved.moveTo(null, LATER, null).isRoot());
    }

    @Test
    void modificationNeverPrecedesCreation() {
        CustomerType touched = root.withStatus(root.status(), CREATED.minusSeconds(3600), null);
        assertEquals(touched.audit().createdAt(), touched.audit().modifiedAt());
        assertThrows(IllegalArgumentException.class,
                () -> new Audit(LATER, null, CREATED, null));
    }

    @Test
    void profileTransitions() {
        CustomerProfile gold = new CustomerProfileDraft(CompanyId.of(3), Name.of("Gold"), false)
                .withId(CustomerProfileId.of(5));
        CustomerProfile archived = gold.archive();
        assertTrue(archived.archived());
        assertFalse(gold.archived(), "the original is unchanged");
        assertFalse(archived.unarchive().archived());
        assertEquals(Name.of("Platinum"), gold.rename(Name.of("Platinum")).name());
        assertEquals(CompanyId.of(3), gold.rename(Name.of("Platinum")).companyId());
    }

    @Test
    void transitionsKeepTheVersionUntilTheStoreWritesANewOne() {
        assertEquals(1, root.version(), "a record is stored at version 1");
        CustomerType changed = root.moveTo(CustomerTypeKey.of(9), LATER, "bob")
                .withStatus(CustomerTypeStatus.INACTIVE, LATER, "bob");
        assertEquals(1, changed.version());
        assertEquals(4, changed.atVersion(4).version());
        assertEquals(changed.status(), changed.atVersion(4).status());
        CustomerProfile gold = new CustomerProfileDraft(CompanyId.of(3), Name.of("Gold"), false)
                .withId(CustomerProfileId.of(5));
        assertEquals(1, gold.rename(Name.of("Platinum")).archive().unarchive().version());
        assertEquals(Name.of("Platinum"), gold.rename(Name.of("Platinum")).atVersion(2).name());
        assertThrows(IllegalArgumentException.class, () -> root.atVersion(0));
        assertThrows(IllegalArgumentException.class, () -> gold.atVersion(0));
    }

    @Test
    void aChangeBasedOnAnotherVersionIsRefused() {
        CustomerType stored = root.atVersion(3);
        stored.requireVersion(3L);
        stored.requireVersion(null);
        StaleVersionException stale = assertThrows(StaleVersionException.class, () -> stored.requireVersion(2L));
        assertEquals(2, stale.expectedVersion());
        assertEquals(3, stale.currentVersion());
        assertEquals("The customer type 1 is at version 3, not 2: it has changed since it was read", stale.getMessage());
        CustomerProfile gold = new CustomerProfileDraft(CompanyId.of(3), Name.of("Gold"), false)
                .withId(CustomerProfileId.of(5));
        gold.requireVersion(1L);
        StaleVersionException profile = assertThrows(StaleVersionException.class, () -> gold.requireVersion(7L));
        assertEquals("customer profile", profile.kind());
        assertEquals(5, profile.id());
    }
}
