package io.assay.server.taxii;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/** Discovery and the API root; and a TAXII 404 for any other path under the prefix. */
@RestController
public class DiscoveryController {

    private final TaxiiProperties props;

    public DiscoveryController(TaxiiProperties props) {
        this.props = props;
    }

    @GetMapping({"/taxii2/", "/taxii2"})
    ResponseEntity<DiscoveryResource> discovery() {
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().path("/taxii2/" + ApiRoot.NAME + "/").toUriString();
        return TaxiiResponses.ok(new DiscoveryResource(props.title(), props.description(), root, List.of(root)));
    }

    @GetMapping({"/taxii2/{root}/", "/taxii2/{root}"})
    ResponseEntity<ApiRoot> apiRoot(@PathVariable String root) {
        ApiRoot.require(root);
        return TaxiiResponses.ok(new ApiRoot(props.title(), props.description(), List.of(TaxiiMedia.TAXII),
                props.maxContentLength().toBytes()));
    }

    @RequestMapping("/taxii2/**")
    ResponseEntity<TaxiiError> none(HttpServletRequest request) {
        throw TaxiiException.notFound("no TAXII endpoint answers " + request.getMethod() + " "
                + TaxiiTime.abbreviate(request.getRequestURI()));
    }
}
