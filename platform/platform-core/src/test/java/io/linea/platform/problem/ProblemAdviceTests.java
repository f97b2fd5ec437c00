package io.linea.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemAdviceTests {

    @Test
    void constraintNamesBecomeKebabCaseCodes() {
        assertThat(ProblemAdvice.kebab("NotBlank")).isEqualTo("not-blank");
        assertThat(ProblemAdvice.kebab("PositiveOrZero")).isEqualTo("positive-or-zero");
        assertThat(ProblemAdvice.kebab("Size")).isEqualTo("size");
    }
}
