package dev.stacstream.job.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the YAML value of one key into its typed form. A value that does not fit throws
 * {@link IllegalArgumentException} whose message is the problem alone ("expected an integer, got 'ten'"); the
 * loader prefixes the file and key.
 */
@FunctionalInterface
interface ValueParser<T> {

    T parse(JsonNode node);
}
