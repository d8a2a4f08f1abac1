package org.ibex.trust;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeIdentityTest {
    @Test
    void parsesStateAgencyAndUnit() {
        NodeIdentity id = NodeIdentity.parse("UTO/IMM/POST-ARL");

        assertThat(id.state()).isEqualTo("UTO");
        assertThat(id.agency()).isEqualTo("IMM");
        assertThat(id.unit()).isEqualTo("POST-ARL");
        assertThat(id).hasToString("UTO/IMM/POST-ARL");
        assertThat(id.uri()).isEqualTo("urn:ibex:node:UTO/IMM/POST-ARL");
    }

    @Test
    void acceptsIsoCountriesAndIcaoSpecimenStates() {
        assertThat(NodeIdentity.parse("DEU/POLICE/HQ").state()).isEqualTo("DEU");
        assertThat(NodeIdentity.parse("XXB/IMM/HQ").state()).isEqualTo("XXB");
    }

    @Test
    void rejectsIdWithoutThreeParts() {
        assertThatThrownBy(() -> NodeIdentity.parse("UTO/IMM"))
                .hasMessageContaining("three parts STATE/AGENCY/UNIT");
    }

    @Test
    void rejectsLowercaseOrUnknownStateNamingTheRule() {
        assertThatThrownBy(() -> NodeIdentity.parse("uto/IMM/HQ")).hasMessageContaining("state 'uto' must be 3 uppercase");
        assertThatThrownBy(() -> NodeIdentity.parse("QQQ/IMM/HQ")).hasMessageContaining("not an ISO 3166 alpha-3");
    }

    @Test
    void rejectsAgencyOrUnitWithBadCharactersOrOverTwentyCharacters() {
        assertThatThrownBy(() -> NodeIdentity.parse("UTO/IMM_X/HQ")).hasMessageContaining("agency 'IMM_X'")
                .hasMessageContaining("A-Z, 0-9 and -");
        assertThatThrownBy(() -> NodeIdentity.parse("UTO/IMM/" + "U".repeat(21))).hasMessageContaining("unit")
                .hasMessageContaining("1 to 20 characters");
        assertThatThrownBy(() -> NodeIdentity.parse("UTO//HQ")).hasMessageContaining("agency ''");
    }

    @Test
    void readsNodeIdOnlyFromWellFormedNodeUris() {
        assertThat(NodeIdentity.fromUri("urn:ibex:node:UTO/POLICE/HQ")).contains(NodeIdentity.parse("UTO/POLICE/HQ"));
        assertThat(NodeIdentity.fromUri("urn:ibex:node:UTO/bad")).isEmpty();
        assertThat(NodeIdentity.fromUri("https://example.invalid/UTO/IMM/HQ")).isEmpty();
    }
}
