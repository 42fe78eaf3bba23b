package io.assay.server.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every console page shows: the menu (the pages the user's role sees), who is logged in, and the current path;
 * and the console's error page, which names the problem in a sentence and never shows a stack trace.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(annotations = ConsolePage.class)
public class ConsoleAdvice {

    @ModelAttribute
    void common(Model model, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Set<String> roles = auth == null ? Set.of() : auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replace("ROLE_", "")).collect(Collectors.toSet());
        List<ConsoleNav.Page> pages = ConsoleNav.PAGES.stream().filter(p -> roles.contains(p.role())).toList();
        model.addAttribute("navPages", pages);
        model.addAttribute("currentUser", auth == null ? null : auth.getName());
        model.addAttribute("isReviewer", roles.contains("REVIEWER"));
        model.addAttribute("isAdmin", roles.contains("ADMIN"));
        model.addAttribute("currentPath", request.getRequestURI());
    }

    /** A request the console cannot serve: a missing thing or bad input, shown as a sentence. */
    @ExceptionHandler({ConsoleException.class})
    ModelAndView problem(ConsoleException e, HttpServletRequest request) {
        ModelAndView mv = new ModelAndView("problem");
        mv.setStatus(e.status());
        mv.addObject("message", e.getMessage());
        return withCommon(mv, request);
    }

    @ExceptionHandler({io.assay.server.api.ProblemHandler.NotFoundException.class})
    ModelAndView notFound(RuntimeException e, HttpServletRequest request) {
        ModelAndView mv = new ModelAndView("problem");
        mv.setStatus(org.springframework.http.HttpStatus.NOT_FOUND);
        mv.addObject("message", e.getMessage());
        return withCommon(mv, request);
    }

    @ExceptionHandler({io.assay.server.api.ProblemHandler.BadRequestException.class, IllegalArgumentException.class,
            io.assay.server.bank.BankService.ConflictException.class, io.assay.core.media.AssetRejectedException.class})
    ModelAndView badRequest(Exception e, HttpServletRequest request) {
        ModelAndView mv = new ModelAndView("problem");
        mv.setStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
        mv.addObject("message", e.getMessage());
        return withCommon(mv, request);
    }

    /** JSON made safe to sit inside a {@code <script type="application/json">} element (no tag can be closed). */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** Anything unexpected: logged with an incident id, shown as a sentence quoting it. */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        String incident = java.util.UUID.randomUUID().toString();
        org.slf4j.LoggerFactory.getLogger(ConsoleAdvice.class).error("console incident {} on {}", incident, request.getRequestURI(), e);
        ModelAndView mv = new ModelAndView("problem");
        mv.setStatus(org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR);
        mv.addObject("message", "Something went wrong on the server (incident " + incident + "). It is in the server log.");
        return withCommon(mv, request);
    }

    private ModelAndView withCommon(ModelAndView mv, HttpServletRequest request) {
        org.springframework.ui.ExtendedModelMap m = new org.springframework.ui.ExtendedModelMap();
        common(m, request);
        mv.addAllObjects(m);
        return mv;
    }
}
