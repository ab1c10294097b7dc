package io.careledger.service.security;

import io.careledger.api.common.StoreId;
import io.careledger.service.care.RegionsProperties;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The stores a signed-in staff member works for: the stores named on their account (or token claim) plus the
 * stores of their region ({@code careledger.regions}). Empty means unscoped: every store.
 */
@Component
public class StaffScopes {
    private final RegionsProperties regions;
    private final SecurityProperties properties;

    StaffScopes(RegionsProperties regions, SecurityProperties properties) {
        this.regions = regions;
        this.properties = properties;
    }

    /** The signed-in staff member's stores; empty when they work for every store. */
    public Optional<Set<String>> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The same as typed store ids for a search; null when unscoped (every store). */
    public Set<StoreId> currentStoreIds() {
        return current().map(stores -> stores.stream().map(StoreId::of).collect(Collectors.toUnmodifiableSet())).orElse(null);
    }

    public Optional<Set<String>> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof StaffUser user) {
            return resolve(user.stores(), user.region());
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            Object stores = jwt.getClaims().get(properties.jwt().storesClaim());
            List<String> named = stores instanceof Collection<?> list ? list.stream().map(String::valueOf).toList()
                    : stores instanceof String text && !text.isBlank() ? List.of(text.trim().split("[\\s,]+")) : List.of();
            Object region = jwt.getClaims().get(properties.jwt().regionClaim());
            return resolve(named, region == null ? null : String.valueOf(region));
        }
        return Optional.empty();
    }

    private Optional<Set<String>> resolve(List<String> stores, String region) {
        if (stores.isEmpty() && (region == null || region.isBlank())) {
            return Optional.empty();
        }
        Set<String> all = new LinkedHashSet<>(stores);
        if (region != null && !region.isBlank()) {
            // An unknown region adds no store: the account is then scoped to nothing rather than to everything.
            regions.regions().stream().filter(r -> r.id().equals(region)).findFirst().ifPresent(r -> all.addAll(r.stores()));
        }
        return Optional.of(Set.copyOf(all));
    }
}
