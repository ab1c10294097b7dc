package io.careledger.service.security;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How staff sign in ({@code careledger.security}): HTTP Basic against configured accounts (the embedded run), and/or
 * OAuth2 bearer tokens (JWT) from an identity provider (the production profile).
 */
@ConfigurationProperties("careledger.security")
public record SecurityProperties(List<User> users, @DefaultValue Basic basic, @DefaultValue Jwt jwt) {

    @ConstructorBinding
    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        basic = basic == null ? new Basic(true) : basic;
        jwt = jwt == null ? new Jwt(false, null, null, null, null, "roles", "sub", "stores", "region") : jwt;
    }

    public SecurityProperties(List<User> users) {
        this(users, null, null);
    }

    /**
     * {@code password} uses Spring Security's {id}-prefixed encodings, e.g. {bcrypt}… or {noop}…. {@code stores}
     * and {@code region} scope the account to those stores (a region stands for its configured stores); an
     * account with neither works for every store.
     */
    public record User(String username, String password, Set<Role> roles, List<String> stores, String region) {
        @ConstructorBinding
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            stores = stores == null ? List.of() : List.copyOf(stores);
        }

        public User(String username, String password, Set<Role> roles) {
            this(username, password, roles, List.of(), null);
        }
    }

    /** HTTP Basic with the configured {@link #users}; on by default, off in the production profile. */
    public record Basic(@DefaultValue("true") boolean enabled) {
    }

    /**
     * Bearer tokens: signed by the key at {@code publicKeyLocation} (PEM), or by the keys published at
     * {@code jwkSetUri}, or by the provider found at {@code issuerUri} (OpenID discovery). {@code issuer} is
     * required and checked on every token (defaults to {@code issuerUri}). Roles come from the
     * {@code rolesClaim} (a list, or a space-separated string; {@code ROLE_} prefixes allowed), the staff id from
     * {@code usernameClaim}, store scoping from {@code storesClaim} and {@code regionClaim}.
     */
    public record Jwt(@DefaultValue("false") boolean enabled, String issuer, URI issuerUri, URI jwkSetUri,
                      String publicKeyLocation, @DefaultValue("roles") String rolesClaim,
                      @DefaultValue("sub") String usernameClaim, @DefaultValue("stores") String storesClaim,
                      @DefaultValue("region") String regionClaim) {
    }
}
