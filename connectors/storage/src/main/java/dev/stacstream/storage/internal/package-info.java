/**
 * Building blocks shared by the remote backends (HTTP, S3): the retry executor, the request limiter, deadlines,
 * the HTTP-status failure table, and the collector that turns a response body into exactly one range.
 * Not an API: signatures may change without notice.
 */
package dev.stacstream.storage.internal;
