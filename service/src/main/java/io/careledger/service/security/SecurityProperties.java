package io.careledger.service.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Staff accounts for HTTP Basic, as configuration data ({@code careledger.security.users}). */
@ConfigurationProperties("careledger.security")
public record SecurityProperties(List<User> users) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** {@code password} uses Spring Security's {id}-prefixed encodings, e.g. {bcrypt}… or {noop}…. */
    public record User(String username, String password, Set<Role> roles) {
    }
}
