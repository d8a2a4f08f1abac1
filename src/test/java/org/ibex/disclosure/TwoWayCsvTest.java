package org.ibex.disclosure;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TwoWayCsvTest {
    @Test
    void writesHeaderTotalColumnTotalRowAndLeavesSuppressedCellsEmpty() {
        TwoWayTable truth = new TwoWayTable("post", "nationality", List.of("UTO-AIR", "UTO-SEA"),
                List.of("UTO", "XXB", "XXC"), new long[][]{{3, 40, 50}, {20, 30, 60}});
        String csv = TwoWayCsv.write(new DisclosureControl(5, 0).protect(truth));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "post,UTO,XXB,XXC,total",
                "UTO-AIR,,,50,93",
                "UTO-SEA,,,60,110",
                "total,23,70,110,203",
                "");
    }

    @Test
    void quotesLabelsAsRfc4180AndDefusesFormulas() {
        TwoWayTable truth = new TwoWayTable("purpose, declared", "sex", List.of("work \"seasonal\"", "=SUM(A1)"),
                List.of("F", "M"), new long[][]{{10, 20}, {30, 0}});
        String csv = TwoWayCsv.write(new DisclosureControl(5, 0).protect(truth));

        assertThat(csv.split("\r\n", -1)).containsExactly(
                "\"purpose, declared\",F,M,total",
                "\"work \"\"seasonal\"\"\",10,20,30",
                "'=SUM(A1),30,0,30",
                "total,40,20,60",
                "");
    }
}
