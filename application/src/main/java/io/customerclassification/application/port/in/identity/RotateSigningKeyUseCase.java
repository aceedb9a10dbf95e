package io.customerclassification.application.port.in.identity;

import io.customerclassification.application.port.in.Caller;

public interface RotateSigningKeyUseCase {

    /**
     * Makes a new signing key the one every instance signs with. The previous keys stay published and valid
     * until the tokens they signed have expired, then they are deleted.
     *
     * @return the new key's id ({@code kid})
     * @throws io.customerclassification.domain.identity.AdminRequiredException unless the caller is an admin
     */
    String rotateSigningKey(Caller caller);
}
