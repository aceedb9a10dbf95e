package io.customerclassification.application.port.out.identity;

import java.util.Optional;

public interface LoadTokenFamilyPort {

    Optional<TokenFamily> loadTokenFamily(String familyId);

    Optional<StoredRefreshToken> loadRefreshToken(String fingerprint);
}
