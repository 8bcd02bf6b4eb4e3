package fr.vigie.deals.csv;

import fr.vigie.deals.input.DealInput;
import fr.vigie.problem.InvalidInputException;
import fr.vigie.problem.Location;
import java.nio.file.Path;

/** Deals as a CSV bundle folder. */
public final class CsvBundleInput {

  private CsvBundleInput() {}

  public static DealInput open(Path folder) {
    throw InvalidInputException.at(Location.of(folder.toString()), "CSV bundles are not read yet");
  }
}
