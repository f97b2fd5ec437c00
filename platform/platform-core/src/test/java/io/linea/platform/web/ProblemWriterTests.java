package io.linea.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemWriterTests {

    @Test
    void escapesJsonSoMessagesCannotBreakTheDocument() {
        assertThat(ProblemWriter.json("a\"b\\c\n\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
        assertThat(ProblemWriter.json(null)).isEqualTo("null");
    }
}
