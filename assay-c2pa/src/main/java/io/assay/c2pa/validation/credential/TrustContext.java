package io.assay.c2pa.validation.credential;

import io.assay.c2pa.validation.TrustSettings;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The parts of {@link TrustSettings} the checks use, prepared once per manifest. */
record TrustContext(List<X509Certificate> anchors, List<X509Certificate> tsaAnchors, Set<String> allowed,
                    Set<String> ekus) {

    static TrustContext of(TrustSettings trust) {
        Set<String> allowed = new HashSet<>();
        for (X509Certificate c : trust.allowedList()) {
            allowed.add(Certificates.fingerprint(c));
        }
        // the reference keeps one anchor pool for signers and time-stamp authorities alike
        Set<X509Certificate> tsa = new LinkedHashSet<>(trust.tsaAnchors());
        tsa.addAll(trust.anchors());
        Set<String> ekus = trust.allowedEkus().isEmpty() ? Certificates.DEFAULT_EKUS : trust.allowedEkus();
        return new TrustContext(trust.anchors(), new ArrayList<>(tsa), allowed, ekus);
    }
}
