package io.customerclassification.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.customerclassification.domain.customerprofile.CustomerProfileId;
import io.customerclassification.domain.customertype.CustomerTypeKey;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void companyIdsStartAtZero() {
        assertTrue(CompanyId.of(0).isDefault());
        assertEquals(Long.MAX_VALUE, CompanyId.of(Long.MAX_VALUE).value());
        var e = assertThrows(InvalidIdentifierException.class, () -> CompanyId.of(-1));
        assertEquals("company", e.kind());
        assertEquals(-1, e.value());
    }

    @Test
    void recordIdsArePositive() {
        assertEquals(1, CustomerProfileId.of(1).value());
        assertEquals(1, CustomerTypeKey.of(1).value());
        assertThrows(InvalidIdentifierException.class, () -> CustomerProfileId.of(0));
        assertThrows(InvalidIdentifierException.class, () -> CustomerTypeKey.of(0));
        assertThrows(InvalidIdentifierException.class, () -> CustomerTypeKey.of(-7));
    }

    @Test
    void identifiersOrderNumerically() {
        assertTrue(CustomerTypeKey.of(9).compareTo(CustomerTypeKey.of(10)) < 0);
        assertTrue(CompanyId.of(2).compareTo(CompanyId.of(10)) < 0);
        assertEquals("42", CustomerProfileId.of(42).toString());
    }
}
