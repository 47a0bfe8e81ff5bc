package novalab.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourcesTest {
    @Test
    void bracketsAndOperatorsInsideLiteralsAndCommentsDoNotCount() {
        String src = "String s = \"" + "((((+.".repeat(500) + "\"; char c = '('; /* " + "(((".repeat(200) + " */ // ((((((\n"
                + "String t = \"\"\"\n" + "+.+.(".repeat(300) + "\n\"\"\"; int x = (1 + 2) * 3;";
        assertThat(Sources.shape(src)).containsExactly(1, 2);
        assertThat(Sources.refuse(src)).isEmpty();
    }

    @Test
    void deepNestingLongChainsAndHugeSourcesAreRefusedWithASentence() {
        assertThat(Sources.refuse("(".repeat(121) + "1" + ")".repeat(121))).get().asString().contains("more than 120 deep");
        assertThat(Sources.refuse("int x = 1" + " + 1".repeat(401) + ";")).get().asString().contains("more than 400 operators");
        assertThat(Sources.refuse("int x = 1" + " + 1".repeat(300) + "; int y = 1" + " + 1".repeat(300) + ";")).isEmpty();
        assertThat(Sources.refuse("x".repeat(50_001))).get().asString().contains("longer than 50000 characters");
    }
}
