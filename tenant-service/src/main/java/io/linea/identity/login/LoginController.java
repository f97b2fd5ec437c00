package io.linea.identity.login;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.linea.identity.policy.PasswordRules;
import io.linea.identity.support.IdentitySettings;
import io.linea.identity.support.RequestInfo;

/**
 * The sign-in pages: {@code /login} (username and password), {@code /login/mfa} (TOTP code),
 * {@code /login/mfa/enrol} (QR code, secret and first code), {@code /login/password} (expired password).
 * On success the authenticated context goes into the HTTP session and the browser returns to the saved
 * {@code /oauth2/authorize} request.
 */
@Controller
public class LoginController {

    private final LoginFlow flow;
    private final LoginPages pages;
    private final Totp totp;
    private final SecurityContextRepository contexts;
    private final SessionRegistry sessions;
    private final IdentitySettings settings;
    private final RequestCache requestCache = new HttpSessionRequestCache();

    public LoginController(LoginFlow flow, LoginPages pages, Totp totp, SecurityContextRepository contexts,
            SessionRegistry sessions, IdentitySettings settings) {
        this.flow = flow;
        this.pages = pages;
        this.totp = totp;
        this.contexts = contexts;
        this.sessions = sessions;
        this.settings = settings;
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + settings.issuer() + "/";
    }

    @GetMapping("/login")
    String loginPage(Model model, HttpServletRequest request, @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired) {
        pages.prepare(model, request, "/login");
        if (logout != null) {
            model.addAttribute("notice", pages.message(request, "login.signed-out"));
        }
        if (expired != null) {
            model.addAttribute("error", pages.message(request, "login.error.session-expired"));
        }
        return "login";
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        String name = RequestInfo.truncate(username.trim(), 200);
        LoginFlow.Outcome outcome = name.isEmpty() || password.isEmpty()
                ? new LoginFlow.Refused("login.error.invalid")
                : flow.password(name, password, RequestInfo.of(request));
        if (outcome instanceof LoginFlow.Next next) {
            request.getSession(true);
            request.changeSessionId();
            return advance(next.pending(), request, response);
        }
        LoginFlow.Refused refused = (LoginFlow.Refused) outcome;
        pages.prepare(model, request, "/login");
        model.addAttribute("username", name);
        model.addAttribute("error", pages.message(request, refused.messageCode(), refused.args()));
        return "login";
    }

    @GetMapping("/login/mfa")
    String mfaPage(Model model, HttpServletRequest request) {
        PendingLogin pending = pending(request, PendingLogin.Stage.MFA);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        pages.prepare(model, request, "/login/mfa");
        return "mfa";
    }

    @PostMapping("/login/mfa")
    String mfa(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        PendingLogin pending = pending(request, PendingLogin.Stage.MFA);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        LoginFlow.Outcome outcome = flow.mfa(pending, code, RequestInfo.of(request));
        if (outcome instanceof LoginFlow.Next next) {
            return advance(next.pending(), request, response);
        }
        return refusedStep((LoginFlow.Refused) outcome, "mfa", "/login/mfa", model, request);
    }

    @GetMapping("/login/mfa/enrol")
    String enrolPage(Model model, HttpServletRequest request) {
        PendingLogin pending = pending(request, PendingLogin.Stage.MFA_ENROL);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        pending = flow.startEnrolment(pending);
        store(request, pending);
        enrolModel(model, request, pending);
        return "mfa-enrol";
    }

    @PostMapping("/login/mfa/enrol")
    String enrol(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        PendingLogin pending = pending(request, PendingLogin.Stage.MFA_ENROL);
        if (pending == null || pending.enrolSecret() == null) {
            return "redirect:/login?expired";
        }
        LoginFlow.Outcome outcome = flow.confirmEnrolment(pending, code, RequestInfo.of(request));
        if (outcome instanceof LoginFlow.Next next) {
            return advance(next.pending(), request, response);
        }
        String view = refusedStep((LoginFlow.Refused) outcome, "mfa-enrol", "/login/mfa/enrol", model, request);
        if (view.equals("mfa-enrol")) {
            enrolModel(model, request, pending);
        }
        return view;
    }

    @GetMapping("/login/password")
    String passwordPage(Model model, HttpServletRequest request) {
        PendingLogin pending = pending(request, PendingLogin.Stage.PASSWORD);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        passwordModel(model, request, pending);
        return "password";
    }

    @PostMapping("/login/password")
    String changePassword(@RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        PendingLogin pending = pending(request, PendingLogin.Stage.PASSWORD);
        if (pending == null) {
            return "redirect:/login?expired";
        }
        LoginFlow.Outcome outcome = flow.changePassword(pending, newPassword, confirmPassword, RequestInfo.of(request));
        if (outcome instanceof LoginFlow.Next next) {
            return advance(next.pending(), request, response);
        }
        LoginFlow.Refused refused = (LoginFlow.Refused) outcome;
        passwordModel(model, request, pending);
        model.addAttribute("error", pages.message(request, refused.messageCode(), refused.args()));
        return "password";
    }

    private void enrolModel(Model model, HttpServletRequest request, PendingLogin pending) {
        pages.prepare(model, request, "/login/mfa/enrol");
        model.addAttribute("secret", pending.enrolSecret());
        model.addAttribute("qrCode", totp.qrCodeDataUri(pending.enrolSecret(), pending.username()));
        model.addAttribute("otpauthUri", totp.otpauthUri(pending.enrolSecret(), pending.username()));
    }

    private void passwordModel(Model model, HttpServletRequest request, PendingLogin pending) {
        pages.prepare(model, request, "/login/password");
        PasswordRules rules = flow.rules(pending.personId());
        model.addAttribute("rules", rules);
    }

    /** A refused MFA step: a lockout ends the attempt; other errors stay on the page. */
    private String refusedStep(LoginFlow.Refused refused, String view, String path, Model model,
            HttpServletRequest request) {
        String message = pages.message(request, refused.messageCode(), refused.args());
        if (refused.messageCode().startsWith("login.error.")) {
            clear(request);
            pages.prepare(model, request, "/login");
            model.addAttribute("error", message);
            return "login";
        }
        pages.prepare(model, request, path);
        model.addAttribute("error", message);
        return view;
    }

    private String advance(PendingLogin pending, HttpServletRequest request, HttpServletResponse response) {
        return switch (pending.stage()) {
            case MFA -> store(request, pending, "redirect:/login/mfa");
            case MFA_ENROL -> store(request, pending, "redirect:/login/mfa/enrol");
            case PASSWORD -> store(request, pending, "redirect:/login/password");
            case DONE -> complete(pending, request, response);
        };
    }

    private String complete(PendingLogin pending, HttpServletRequest request, HttpServletResponse response) {
        clear(request);
        request.changeSessionId();
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                pending.personId().toString(), null, List.of(new SimpleGrantedAuthority("ROLE_PERSON"),
                        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                                .issuedAt(Instant.now()).build()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        sessions.registerNewSession(request.getSession().getId(), authentication.getPrincipal());
        flow.succeeded(pending, RequestInfo.of(request));
        SavedRequest saved = requestCache.getRequest(request, response);
        String target = saved != null ? saved.getRedirectUrl() : settings.issuer() + "/";
        return "redirect:" + target;
    }

    private String store(HttpServletRequest request, PendingLogin pending, String view) {
        store(request, pending);
        return view;
    }

    private static void store(HttpServletRequest request, PendingLogin pending) {
        request.getSession(true).setAttribute(PendingLogin.SESSION_KEY, pending);
    }

    private static void clear(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PendingLogin.SESSION_KEY);
        }
    }

    private static PendingLogin pending(HttpServletRequest request, PendingLogin.Stage stage) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PendingLogin.SESSION_KEY) instanceof PendingLogin pending)) {
            return null;
        }
        if (pending.expired(Instant.now()) || pending.stage() != stage) {
            return null;
        }
        return pending;
    }
}
