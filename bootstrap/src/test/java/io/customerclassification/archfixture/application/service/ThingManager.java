package io.customerclassification.archfixture.application.service;

import io.customerclassification.archfixture.application.port.in.CreateThing;

/** Breaks the naming rule: implements a use case but is not named *Service. */
public class ThingManager implements CreateThing {
    @Override
    public void create() {}
}
