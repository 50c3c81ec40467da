/**
 * Building blocks shared by the remote backends (HTTP, S3): the retry executor, the request limiter, deadlines,
 * the HTTP-status failure table, the object-size cache, and the plan and collector that turn a response body into
 * exactly the bytes due.
 * Not an API: signatures may change without notice.
 */
package dev.stacstream.storage.internal;
