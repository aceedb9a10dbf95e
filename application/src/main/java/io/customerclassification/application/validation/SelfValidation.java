package io.customerclassification.application.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Lets command and query records check their Jakarta constraints in their canonical constructor, so that
 * no use case ever sees an invalid one. The validator is built once, on first use, by whichever provider
 * the runtime has (Hibernate Validator in bootstrap).
 */
public final class SelfValidation {

    private SelfValidation() {}

    private static final class Holder {
        private static final Validator VALIDATOR =
                Validation.buildDefaultValidatorFactory().getValidator();
    }

    /** @throws ConstraintViolationException listing every violated constraint */
    public static <T> void validate(T self) {
        Set<ConstraintViolation<T>> violations = Holder.VALIDATOR.validate(self);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
