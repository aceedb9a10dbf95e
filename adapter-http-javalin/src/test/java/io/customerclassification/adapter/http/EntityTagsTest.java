package io.customerclassification.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The entity-tag lists of RFC 9110 §8.8.3, as {@code If-Match} and {@code If-None-Match} carry them. */
class EntityTagsTest {

    @Test
    void tagsAreReadWithTheirWeaknessWhateverTheSpacing() {
        assertEquals(List.of("\"1.2\""), EntityTags.parse("\"1.2\""));
        assertEquals(List.of("\"1.2\"", "W/\"1.3\"", "\"x,y\""), EntityTags.parse(" \"1.2\" ,W/\"1.3\",\t\"x,y\" "));
        assertEquals(List.of("\"\""), EntityTags.parse("\"\""), "an empty opaque tag is a tag");
        assertEquals(List.of("\"a\"", "\"b\""), EntityTags.parse("\"a\",,\"b\""), "empty list elements are allowed");
    }

    @Test
    void aListThatBreaksTheGrammarAnywhereNamesNothing() {
        for (String broken : List.of("1.2", "\"1.2", "w/\"1.2\"", "\"1.2\" \"1.3\"", "\"a\"b", "\"a\", c",
                "\"sp ace\"", "W/")) {
            assertEquals(List.of(), EntityTags.parse(broken), broken);
        }
    }

    @Test
    void aTagIsTheIdAndTheVersionWithTheVariantOfAnyOtherRepresentation() {
        assertEquals("\"7.3\"", EntityTags.of(7, 3));
        assertEquals("\"7.3\"", EntityTags.of(7, 3, ""));
        assertEquals("\"7.3.Name-ID\"", EntityTags.of(7, 3, "Name-ID"));
    }
}
