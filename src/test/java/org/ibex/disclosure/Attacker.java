package org.ibex.disclosure;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.List;

/**
 * An attacker who knows everything a protected table publishes (cells, row, column and grand totals, and that every
 * figure is a non-negative count adding up as a table does) and nothing else. For every suppressed figure it solves
 * two linear programs with Apache Commons Math's simplex (set up here from the published table alone, independently
 * of the production code, which uses its own flow solver) and reports the figure's feasible range.
 * <p>
 * Figures are those of the (rows+1) x (columns+1) table: row = rows holds the column totals, column = columns the row
 * totals. In {@code fullTable} mode every figure is a variable and each published one is fixed by an equality; else
 * only the suppressed figures are variables and the published ones move to the right-hand sides.
 */
public final class Attacker {
    /** What the attacker learns about one suppressed figure; max is infinite when nothing bounds it. */
    public record Range(int row, int column, double min, double max) {
        public double width() {
            return max - min;
        }
    }

    private final boolean fullTable;

    public Attacker(boolean fullTable) {
        this.fullTable = fullTable;
    }

    public List<Range> attack(ProtectedTable published) {
        Long[][] figures = figures(published);
        int rows = figures.length - 1;
        int columns = figures[0].length - 1;
        int[][] variable = new int[rows + 1][columns + 1];
        int variables = 0;
        for (int row = 0; row <= rows; row++) {
            for (int column = 0; column <= columns; column++) {
                variable[row][column] = fullTable || figures[row][column] == null ? variables++ : -1;
            }
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        // Every line of the table, margins included, adds up to its total: sum(line) - total = 0.
        for (int row = 0; row <= rows; row++) {
            List<int[]> line = new ArrayList<>();
            for (int column = 0; column < columns; column++) {
                line.add(new int[]{row, column, 1});
            }
            line.add(new int[]{row, columns, -1});
            addLine(constraints, line, figures, variable, variables);
        }
        for (int column = 0; column <= columns; column++) {
            List<int[]> line = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                line.add(new int[]{row, column, 1});
            }
            line.add(new int[]{rows, column, -1});
            addLine(constraints, line, figures, variable, variables);
        }
        if (fullTable) {
            for (int row = 0; row <= rows; row++) {
                for (int column = 0; column <= columns; column++) {
                    if (figures[row][column] != null) {
                        double[] fix = new double[variables];
                        fix[variable[row][column]] = 1;
                        constraints.add(new LinearConstraint(fix, Relationship.EQ, figures[row][column]));
                    }
                }
            }
        }
        List<Range> ranges = new ArrayList<>();
        for (int row = 0; row <= rows; row++) {
            for (int column = 0; column <= columns; column++) {
                if (figures[row][column] == null) {
                    double[] objective = new double[variables];
                    objective[variable[row][column]] = 1;
                    ranges.add(new Range(row, column, optimum(objective, constraints, GoalType.MINIMIZE),
                            optimum(objective, constraints, GoalType.MAXIMIZE)));
                }
            }
        }
        return ranges;
    }

    private static void addLine(List<LinearConstraint> constraints, List<int[]> line, Long[][] figures,
                                int[][] variable, int variables) {
        double[] coefficients = new double[variables];
        double known = 0;
        boolean unknown = false;
        for (int[] term : line) {
            int v = variable[term[0]][term[1]];
            if (v >= 0) {
                coefficients[v] += term[2];
                unknown = true;
            } else {
                known += term[2] * (double) figures[term[0]][term[1]];
            }
        }
        if (unknown) {
            constraints.add(new LinearConstraint(coefficients, Relationship.EQ, -known));
        } else if (known != 0) {
            throw new AssertionError("the published figures of a line do not add up: " + known);
        }
    }

    private static double optimum(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair solution = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(1_000_000),
                    new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), goal,
                    new NonNegativeConstraint(true), PivotSelectionRule.BLAND);
            return solution.getValue();
        } catch (UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** The published table as one grid of figures, null where suppressed. */
    static Long[][] figures(ProtectedTable table) {
        int rows = table.rowLabels().size();
        int columns = table.columnLabels().size();
        Long[][] figures = new Long[rows + 1][columns + 1];
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                figures[row][column] = table.cell(row, column);
            }
            figures[row][columns] = table.rowTotals().get(row);
        }
        for (int column = 0; column < columns; column++) {
            figures[rows][column] = table.columnTotals().get(column);
        }
        figures[rows][columns] = table.total();
        return figures;
    }
}
