package io.customerclassification.archfixture.application.port.in;

/** Breaks the naming rule: an in-port whose name does not end in UseCase. */
public interface CreateThing {
    void create();
}
