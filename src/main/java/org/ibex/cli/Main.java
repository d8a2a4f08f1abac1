package org.ibex.cli;

/** Entry point of the ibex command. */
public final class Main {
    public static void main(String[] args) {
        System.out.println("ibex");
    }
}
