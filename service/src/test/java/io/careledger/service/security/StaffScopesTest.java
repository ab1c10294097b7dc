package io.careledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.care.RegionsProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class StaffScopesTest {
    private final SecurityProperties properties = new SecurityProperties(List.of(), null, null);
    private final StaffScopes scopes = new StaffScopes(new RegionsProperties(List.of(
            new RegionsProperties.Region("east", List.of("SH-001", "SH-002")),
            new RegionsProperties.Region("north", List.of("BJ-001")))), properties);

    @Test
    void anAccountWithNeitherStoresNorRegionWorksForEveryStore() {
        assertThat(scopes.of(basic(new SecurityProperties.User("agent", "{noop}x", Set.of(Role.AGENT))))).isEmpty();
    }

    @Test
    void storesAndTheStoresOfTheRegionAddUp() {
        var user = new SecurityProperties.User("a", "{noop}x", Set.of(Role.AGENT), List.of("BJ-001"), "east");
        assertThat(scopes.of(basic(user))).contains(Set.of("BJ-001", "SH-001", "SH-002"));
    }

    @Test
    void anUnknownRegionScopesToNothingRatherThanEverything() {
        var user = new SecurityProperties.User("a", "{noop}x", Set.of(Role.AGENT), List.of(), "atlantis");
        assertThat(scopes.of(basic(user))).contains(Set.of());
    }

    @Test
    void tokenClaimsScopeLikeAccounts() {
        assertThat(scopes.of(token(Map.of("stores", List.of("SH-002"))))).contains(Set.of("SH-002"));
        assertThat(scopes.of(token(Map.of("stores", "SH-001 BJ-001")))).contains(Set.of("SH-001", "BJ-001"));
        assertThat(scopes.of(token(Map.of("region", "north")))).contains(Set.of("BJ-001"));
        assertThat(scopes.of(token(Map.of()))).isEmpty();
    }

    @Test
    void rolesComeFromTheRolesClaimUnknownOnesIgnored() {
        Jwt jwt = jwt(Map.of("roles", List.of("agent", "ROLE_AUDITOR", "JANITOR")));
        assertThat(SecurityConfiguration.roles(jwt, "roles")).extracting(Object::toString)
                                                              .containsExactly("ROLE_AGENT", "ROLE_AUDITOR");
        assertThat(SecurityConfiguration.roles(jwt(Map.of("scope", "x")), "roles")).isEmpty();
    }

    private static UsernamePasswordAuthenticationToken basic(SecurityProperties.User user) {
        StaffUser principal = new StaffUser(user);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
    }

    private static JwtAuthenticationToken token(Map<String, Object> claims) {
        return new JwtAuthenticationToken(jwt(claims), List.of(new SimpleGrantedAuthority("ROLE_AGENT")));
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").issuedAt(Instant.EPOCH)
                                 .expiresAt(Instant.EPOCH.plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
