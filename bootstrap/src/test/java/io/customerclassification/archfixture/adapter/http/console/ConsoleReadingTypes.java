package io.customerclassification.archfixture.adapter.http.console;

import io.customerclassification.archfixture.application.port.in.CreateThing;

/** Breaks "the console serves files only": it drives a use case instead of the public API. */
public class ConsoleReadingTypes {
    CreateThing useCase;
}
