package io.careledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class SecurityConfigurationTest {
    private final UserDetailsService users = new SecurityConfiguration().staff(new SecurityProperties(
            List.of(new SecurityProperties.User("agent", "{noop}agent-pass", Set.of(Role.AGENT)))));

    @Test
    void signingInLeavesTheConfiguredPasswordEncodingAlone() {
        assertThat(users).isNotInstanceOf(UserDetailsPasswordService.class);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());

        provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("agent", "agent-pass"));

        assertThat(users.loadUserByUsername("agent").getPassword()).isEqualTo("{noop}agent-pass");
        assertThat(users.loadUserByUsername("agent").getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AGENT");
    }
}
