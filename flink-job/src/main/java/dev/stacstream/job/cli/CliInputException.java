package dev.stacstream.job.cli;

/** A command's input is wrong in a way the user can fix (a bad option value, an unwritable output). */
final class CliInputException extends RuntimeException {

    CliInputException(String message) {
        super(message);
    }

    CliInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
