package fr.vigie.process.model;

/** A move back from a later stage to an earlier one that the process allows. */
public record BackwardMove(String from, String to) {}
