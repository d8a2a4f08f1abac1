package org.ibex.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Roles as people type them and as the node prints them. */
class RoleTest {

    @Test
    void theListManagerIsWrittenWithAHyphenOrAnUnderscore() {
        assertThat(Role.parse("list-manager")).isEqualTo(Role.LIST_MANAGER);
        assertThat(Role.parse("list_manager")).isEqualTo(Role.LIST_MANAGER);
        assertThat(Role.parse(" LIST-MANAGER ")).isEqualTo(Role.LIST_MANAGER);
        assertThat(Role.LIST_MANAGER.label()).isEqualTo("list-manager");
    }

    @Test
    void aListManagerBelongsToTheWholeNodeNotToAPost() {
        assertThat(Role.LIST_MANAGER.boundToPost()).isFalse();
        assertThat(new User("keeper", Role.LIST_MANAGER, null).mayActAtPost("POST-A"))
                .as("post checks do not bind them; the endpoints they may call are few").isTrue();
    }

    @Test
    void anUnknownRoleNamesTheRolesThereAre() {
        assertThatThrownBy(() -> Role.parse("listmanager")).hasMessageContaining("list-manager");
    }
}
