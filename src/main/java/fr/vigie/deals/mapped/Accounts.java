package fr.vigie.deals.mapped;

import fr.vigie.common.ClientFolder;
import fr.vigie.common.DidYouMean;
import fr.vigie.common.Problems;
import fr.vigie.deals.imports.Cells;
import fr.vigie.deals.imports.ExportFile;
import fr.vigie.deals.imports.LookupTable;
import fr.vigie.deals.imports.SourceMapping;
import fr.vigie.yaml.YamlObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The accounts file of a CSV export, a lookup table: {@code files: accounts: comptes.csv}, its id
 * column {@code columns: accounts: { id: N° client }}, joined to each deal by the deal's column
 * mapped to {@code account.id}; {@code fields: Account.<column>: account.segment} reads its other
 * columns (segment, size, region...), as for a Salesforce export's Account.csv.
 */
record Accounts(LookupTable table, String dealColumn) {

    static final String ROLE = "accounts";

    /** The accounts file the mapping names, when it names one that is there. */
    static Optional<Path> file(Path folder, SourceMapping mapping, Problems problems) {
        YamlObject.Located<String> named = mapping.file(ROLE);
        if (named == null) {
            return Optional.empty();
        }
        Path path = ClientFolder.of(folder).named(named.value(), named.location());
        if (!Files.isRegularFile(path)) {
            problems.error(
                    named.location(),
                    "no file '" + named.value() + "' in " + fr.vigie.common.DisplayPath.of(folder));
            return Optional.empty();
        }
        return Optional.of(path);
    }

    /**
     * Reads the accounts file whole, when the mapping names one; its problems go to {@code
     * problems}.
     */
    static Accounts open(
            Path folder,
            SourceMapping mapping,
            ExportFile.Reading reading,
            List<String> notes,
            Problems problems) {
        Optional<Path> path = file(folder, mapping, problems);
        String dealColumn = mapping.columnOf("account.id");
        if (path.isEmpty()) {
            for (SourceMapping.Field field : mapping.accountFields()) {
                problems.error(
                        field.location(),
                        "fields."
                                + field.column()
                                + " reads the deal's account, but the mapping names no accounts"
                                + " file: write files: accounts: <file name> and columns: accounts:"
                                + " { id: <its id column> }");
            }
            return new Accounts(LookupTable.empty(ROLE), dealColumn);
        }
        String idColumn = idColumn(mapping);
        if (idColumn == null) {
            problems.error(
                    mapping.file(ROLE).location(),
                    "the accounts file is looked up by its id: write columns: accounts: { id: <its"
                            + " id column> }");
            return new Accounts(LookupTable.empty(ROLE), dealColumn);
        }
        if (dealColumn == null) {
            problems.error(
                    mapping.file(ROLE).location(),
                    "the accounts file is looked up by each deal's account id: map the deals'"
                            + " column that holds it in fields: (<column>: account.id)");
        }
        List<String> wanted = new ArrayList<>();
        mapping.accountFields()
                .forEach(f -> wanted.add(f.column().substring(SourceMapping.ACCOUNT.length())));
        LookupTable table =
                LookupTable.open(
                        path.get(),
                        ROLE,
                        reading,
                        mapping.limits().maxHeldRows(),
                        notes,
                        problems,
                        idColumn,
                        id -> id,
                        wanted);
        if (!problems.hasErrors()) {
            for (SourceMapping.Field field : mapping.accountFields()) {
                String column = field.column().substring(SourceMapping.ACCOUNT.length());
                if (!table.has(column)) {
                    problems.error(
                            field.location(),
                            "no column '"
                                    + column
                                    + "' in "
                                    + table.shown()
                                    + " (fields."
                                    + field.column()
                                    + " names it)"
                                    + DidYouMean.hint(column, wanted));
                }
            }
        }
        return new Accounts(table, dealColumn);
    }

    private static String idColumn(SourceMapping mapping) {
        var node = mapping.root().node("columns");
        if (node instanceof fr.vigie.yaml.YamlMap map
                && map.get(ROLE) instanceof fr.vigie.yaml.YamlMap accounts
                && accounts.get("id") instanceof fr.vigie.yaml.YamlScalar id
                && !id.isNull()) {
            return id.value();
        }
        return null;
    }

    /**
     * The columns of the deal's account, for the {@code Account.<column>} fields; null when the
     * deal names no account or an unknown one.
     */
    UnaryOperator<String> of(Cells row) {
        if (table.isEmpty() || dealColumn == null) {
            return null;
        }
        String id = row.text(dealColumn);
        return column -> id == null ? null : table.get(id, column);
    }
}
