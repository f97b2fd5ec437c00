package io.linea.cc.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.linea.platform.problem.LineaProblemException;

/** TEN-02: numbers as people type them become E.164, and nothing else gets in. */
class E164Tests {

    @Test
    void formattingIsStripped() {
        assertThat(E164.normalise("+44 7700 900123")).hasValue("+447700900123");
        assertThat(E164.normalise("+1 (800) 555-0100")).hasValue("+18005550100");
        assertThat(E164.normalise(" +373.22.123456 ")).hasValue("+37322123456");
    }

    @Test
    void notInternationalOrOutOfRangeIsRefused() {
        assertThat(E164.normalise("07700 900123")).isEmpty();
        assertThat(E164.normalise("+0447700900123")).isEmpty();
        assertThat(E164.normalise("+12345")).isEmpty();
        assertThat(E164.normalise("+1234567890123456")).isEmpty();
        assertThat(E164.normalise("+44 7700 9001x3")).isEmpty();
        assertThat(E164.normalise(null)).isEmpty();
        assertThatThrownBy(() -> E164.require("mobileE164", "123")).isInstanceOfSatisfying(
                LineaProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo("validation.failed");
                    assertThat(e.fieldProblems().getFirst().field()).isEqualTo("mobileE164");
                    assertThat(e.fieldProblems().getFirst().code()).isEqualTo("number.invalid");
                });
    }

    @Test
    void numbersFromSignallingMayLackThePlus() {
        assertThat(E164.fromSignalling("+18005550100")).hasValue("+18005550100");
        assertThat(E164.fromSignalling("18005550100")).hasValue("+18005550100");
        assertThat(E164.fromSignalling("00447700900123")).hasValue("+447700900123");
        assertThat(E164.fromSignalling("s")).isEmpty();
    }
}
