package io.assay.c2pa.sign;

/**
 * An RFC 3161 time-stamp authority. {@link #timeStamp(byte[])} receives the bytes to be time-stamped (the COSE
 * counter-signature structure over the claim signature, for C2PA's {@code sigTst2}) and returns the DER
 * {@code TimeStampToken} whose message imprint covers them.
 */
public interface TimeStampAuthority {

    byte[] timeStamp(byte[] data) throws SignerException;

    /** An upper bound of the token's length, so that the signature box can be reserved before it is known. */
    default int reserveSize() {
        return 8 * 1024;
    }
}
