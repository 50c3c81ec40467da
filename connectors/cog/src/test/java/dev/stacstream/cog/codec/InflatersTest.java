package dev.stacstream.cog.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stacstream.cog.testing.Libdeflate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@link Inflaters} chooses from {@value Inflaters#PROPERTY}, in this JVM (surefire passes the flags, so
 * libdeflate is usable; see {@code InflaterFlagsProcessTest} for JVMs without them). A library name that does
 * not exist stands for a machine without libdeflate.
 */
class InflatersTest {

    private static final String MISSING_LIBRARY = "libdeflate-not-installed.so.9";
    /** Present on every glibc system, and has no libdeflate function. */
    private static final String NOT_LIBDEFLATE = "libc.so.6";

    @Test
    void jdkModeUsesTheJdkInflater() {
        Inflaters.Choice choice = Inflaters.choose("jdk", Inflaters.LIBRARY_NAMES);

        assertThat(choice.isLibdeflate()).isFalse();
        assertThat(choice.newDecompressor()).isInstanceOf(DeflateDecompressor.class);
        assertThat(choice.describe())
                .isEqualTo("DEFLATE blocks inflate with the JDK's java.util.zip.Inflater (stacstream.inflate=jdk)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auto", "libdeflate", " LibDeflate "})
    void autoAndLibdeflateModesUseLibdeflateWhenItLoads(String mode) {
        Libdeflate.require();

        Inflaters.Choice choice = Inflaters.choose(mode, Inflaters.LIBRARY_NAMES);

        assertThat(choice.isLibdeflate()).isTrue();
        assertThat(choice.newDecompressor()).isInstanceOf(LibdeflateDecompressor.class);
        assertThat(choice.describe()).isEqualTo("DEFLATE blocks inflate with libdeflate (stacstream.inflate="
                + mode.trim().toLowerCase(Locale.ROOT) + ", libdeflate.so.0 opened)");
    }

    @Test
    void libraryNamesAreTriedInOrder() {
        Libdeflate.require();

        Inflaters.Choice choice = Inflaters.choose("libdeflate", List.of(MISSING_LIBRARY, "libdeflate.so.0"));

        assertThat(choice.describe()).endsWith("libdeflate.so.0 opened)");
    }

    @Test
    void autoModeFallsBackToTheJdkAndSaysWhy() {
        Libdeflate.require(); // so that the missing library, not a missing flag, is the reason

        Inflaters.Choice choice = Inflaters.choose("auto", List.of(MISSING_LIBRARY));

        assertThat(choice.isLibdeflate()).isFalse();
        assertThat(choice.newDecompressor()).isInstanceOf(DeflateDecompressor.class);
        assertThat(choice.describe()).startsWith("DEFLATE blocks inflate with the JDK's java.util.zip.Inflater"
                        + " (stacstream.inflate=auto and libdeflate cannot be used: no libdeflate library found ("
                        + MISSING_LIBRARY + ": ")
                .contains("cannot open shared object file")
                .endsWith("); Debian and Ubuntu package it as libdeflate0)");
    }

    @Test
    void libdeflateModeFailsNamingTheMissingLibrary() {
        Libdeflate.require();

        assertThatThrownBy(() -> Inflaters.choose("libdeflate", List.of(MISSING_LIBRARY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stacstream.inflate=libdeflate but libdeflate cannot be used: no libdeflate"
                        + " library found (" + MISSING_LIBRARY + ": ")
                .hasMessageEndingWith("Debian and Ubuntu package it as libdeflate0");
    }

    @Test
    void aLibraryWithoutTheFunctionsIsRefusedByName() {
        Libdeflate.require();

        assertThatThrownBy(() -> Inflaters.choose("libdeflate", List.of(NOT_LIBDEFLATE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stacstream.inflate=libdeflate but libdeflate cannot be used: " + NOT_LIBDEFLATE
                        + " has no function libdeflate_alloc_decompressor: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "", "libdeflate,jdk"})
    void otherValuesAreRefused(String mode) {
        assertThatThrownBy(() -> Inflaters.choose(mode, Inflaters.LIBRARY_NAMES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stacstream.inflate must be auto, libdeflate or jdk, got '" + mode + "'");
    }

    @Test
    void theJvmWideChoiceIsLibdeflateUnderTheTestFlags() {
        Libdeflate.require();
        assumeThat(System.getProperty(Inflaters.PROPERTY, Inflaters.AUTO)).as("the inflater property").isEqualTo("auto");

        assertThat(Inflaters.selected()).isInstanceOf(LibdeflateDecompressor.class);
        assertThat(Inflaters.describeSelected()).startsWith("DEFLATE blocks inflate with libdeflate (stacstream.inflate=");
    }
}
