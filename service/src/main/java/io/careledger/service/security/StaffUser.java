package io.careledger.service.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A configured HTTP Basic account, with the stores or region it is scoped to (none: every store). */
public class StaffUser extends User {
    private final List<String> stores;
    private final String region;

    StaffUser(SecurityProperties.User account) {
        super(account.username(), account.password(), account.roles().stream()
                                                             .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                                                             .toList());
        this.stores = account.stores();
        this.region = account.region();
    }

    public List<String> stores() {
        return stores;
    }

    public String region() {
        return region;
    }
}
