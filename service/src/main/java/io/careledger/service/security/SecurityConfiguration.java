package io.careledger.service.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who is calling. HTTP Basic against configured staff accounts (the embedded run) and/or OAuth2 bearer tokens
 * (JWT) from an identity provider (the production profile), each switched by {@code careledger.security.basic.enabled}
 * and {@code careledger.security.jwt.enabled}. The GraphQL endpoint needs a signed-in user (401 otherwise); which
 * operation needs which role is {@link OperationMatrix}. The GraphiQL page, the dashboard page (it holds
 * no data; its figures come from /graphql, signed in) and health are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder)
            throws Exception {
        http.authorizeHttpRequests(requests -> requests
                    .requestMatchers("/graphiql/**", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                    .requestMatchers("/dashboard", "/dashboard/**", "/webjars/**").permitAll()
                    .anyRequest().authenticated())
            // A stateless API called with credentials on every request: no session, so no CSRF token.
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (properties.basic().enabled()) {
            http.httpBasic(Customizer.withDefaults());
        }
        if (properties.jwt().enabled()) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(jwtDecoder.getObject())
                                                                     .jwtAuthenticationConverter(tokenConverter(properties.jwt()))));
        }
        return http.build();
    }

    /**
     * The configured users, read-only, each with the stores or region it is scoped to. Deliberately not an
     * {@code InMemoryUserDetailsManager}: that is also a password-update service, so Spring Security would
     * re-encode each {@code {noop}} password with bcrypt at its first sign-in, and every later request would pay a
     * bcrypt check (measured: about 55 ms of CPU per request on this project's 2-core machines).
     */
    @Bean
    UserDetailsService staff(SecurityProperties properties) {
        Map<String, SecurityProperties.User> accounts = properties.users().stream()
                .collect(Collectors.toUnmodifiableMap(SecurityProperties.User::username, Function.identity()));
        return username -> {
            SecurityProperties.User account = accounts.get(username);
            if (account == null) {
                throw new UsernameNotFoundException("No such staff account");
            }
            // A fresh copy each time: Spring Security erases the password of the instance it authenticated.
            return new StaffUser(account);
        };
    }

    /**
     * Tokens must be signed by the configured key (or the provider's published keys), unexpired (60 s of clock
     * skew) and from the configured issuer; anything else is a 401.
     */
    @Bean
    @ConditionalOnProperty("careledger.security.jwt.enabled")
    JwtDecoder jwtDecoder(SecurityProperties properties, ResourceLoader resources) {
        SecurityProperties.Jwt jwt = properties.jwt();
        String issuer = jwt.issuer() != null ? jwt.issuer() : jwt.issuerUri() != null ? jwt.issuerUri().toString() : null;
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("careledger.security.jwt.issuer (or issuer-uri) is required: tokens are only "
                    + "accepted from a named issuer");
        }
        JwtDecoder decoder;
        if (jwt.publicKeyLocation() != null && !jwt.publicKeyLocation().isBlank()) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources, jwt.publicKeyLocation())).build();
        } else if (jwt.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString()).build();
        } else if (jwt.issuerUri() != null) {
            decoder = JwtDecoders.fromIssuerLocation(jwt.issuerUri().toString());
        } else {
            throw new IllegalStateException("careledger.security.jwt needs public-key-location, jwk-set-uri or issuer-uri");
        }
        if (decoder instanceof NimbusJwtDecoder nimbus) {
            nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        }
        return decoder;
    }

    /** The staff id from the configured claim, roles from the roles claim (unknown roles are ignored). */
    static JwtAuthenticationConverter tokenConverter(SecurityProperties.Jwt jwt) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(jwt.usernameClaim());
        converter.setJwtGrantedAuthoritiesConverter(token -> roles(token, jwt.rolesClaim()));
        return converter;
    }

    static Collection<GrantedAuthority> roles(Jwt token, String claim) {
        Object value = token.getClaims().get(claim);
        List<String> names = value instanceof Collection<?> list ? list.stream().map(String::valueOf).toList()
                : value instanceof String text ? Arrays.asList(text.trim().split("[\\s,]+")) : List.of();
        return names.stream()
                    .map(name -> name.toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", ""))
                    .filter(name -> Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name)))
                    .distinct()
                    .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
                    .toList();
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        try (InputStream pem = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key at " + location, e);
        }
    }
}
