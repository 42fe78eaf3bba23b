package io.assay.metadata;

/**
 * The asset's metadata could not be read (a damaged or hostile file). The message is one line meant for the user;
 * the library's exception, when there is one, is kept as the cause for logs.
 */
public final class MetadataUnreadableException extends Exception {

    public MetadataUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
