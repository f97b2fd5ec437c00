package io.linea.cc.search;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.linea.cc.shared.InvalidInput;
import io.linea.platform.problem.LineaProblemException;
import io.linea.platform.security.LineaPrincipal;
import io.linea.platform.security.Membership;
import io.linea.platform.tenancy.TenantContext;

/**
 * {@code GET /api/cc/search}: one search across clients, tickets and articles (CRM-03). It needs at least one of
 * {@code clients.view}, {@code tickets.handle}, {@code kb.view}, and each type is searched only with its own
 * permission. {@code @RequiresPermission} names a single permission, so the tenant, membership and
 * permissions are checked here, with the same problems the platform's interceptor answers.
 */
@RestController
@RequestMapping("/api/cc/search")
class SearchController {

    private final SearchManagement search;

    SearchController(SearchManagement search) {
        this.search = search;
    }

    record Results(List<SearchResult> results) {
    }

    /** {@code types}: comma-separated {@code client,ticket,article}; all the caller may see when left out. */
    @GetMapping
    Results search(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 100) String types,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
        Set<SearchType> allowed = allowedTypes();
        Set<SearchType> wanted = EnumSet.allOf(SearchType.class);
        if (types != null && !types.isBlank()) {
            wanted = EnumSet.noneOf(SearchType.class);
            for (String name : types.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                wanted.add(SearchType.byApiName(name).orElseThrow(() -> InvalidInput.field("types",
                        "search.type-invalid", name.strip().length() > 40 ? name.strip().substring(0, 40)
                                : name.strip())));
            }
        }
        wanted.retainAll(allowed);
        return new Results(search.search(q, wanted, limit));
    }

    /** The types the caller's membership in the tenant in scope allows; 403 when none. */
    private static Set<SearchType> allowedTypes() {
        LineaPrincipal principal = LineaPrincipal.current()
                .orElseThrow(() -> new LineaProblemException(HttpStatus.UNAUTHORIZED, "auth.required"));
        UUID tenant = TenantContext.currentTenant()
                .orElseThrow(() -> LineaProblemException.badRequest("tenant.required"));
        Membership membership = principal.membership(tenant)
                .orElseThrow(() -> LineaProblemException.forbidden("tenant.not-member"));
        Set<SearchType> allowed = EnumSet.noneOf(SearchType.class);
        for (SearchType type : SearchType.values()) {
            if (membership.can(type.permission())) {
                allowed.add(type);
            }
        }
        if (allowed.isEmpty()) {
            throw LineaProblemException.forbidden("permission.denied", EnumSet.allOf(SearchType.class).stream()
                    .map(SearchType::permission).collect(Collectors.joining(" | ")));
        }
        return allowed;
    }
}
