package fr.vigie.deals.csv;

/**
 * A bundle file whose header was read and checked: what it is, its name as shown, and its reader.
 */
record OpenedFile(BundleFile file, String shown, CsvReader reader, Header header) {}
