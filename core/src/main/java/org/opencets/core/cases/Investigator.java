package org.opencets.core.cases;

import java.util.Set;

/**
 * A user: belongs to one agency, has roles.
 *
 * @param contact how colleagues in other agencies reach them (telephone, e-mail), shown in pointers
 */
public record Investigator(long id, String name, Agency agency, Set<Role> roles, String contact) {
    public Investigator {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
