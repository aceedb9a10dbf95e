package io.customerclassification.archfixture.domain;

import io.customerclassification.archfixture.application.port.in.CreateThing;

/** Breaks the layering: the domain reaches up into the application. */
public class DomainCallingApplication {
    CreateThing createThing;
}
