package fr.vigie.audit.safety;

import fr.vigie.common.Location;
import fr.vigie.common.Problems;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a workspace's DRL before it is compiled: a client's rules are code, and they must only
 * reason over Vigie's facts. Imports come from an allowlist; the code may not name the system,
 * processes, threads, reflection, class loaders, files or the network, whether imported or written
 * with their full names; no {@code while} loop (rules loop for you, and a hung loop cannot be
 * stopped). Comments and string literals are not code and are not checked. Every refusal is
 * located.
 */
public final class DrlSafety {

  /** Packages and classes a workspace rule may import (prefixes). */
  static final List<String> ALLOWED_IMPORTS = List.of(
      "fr.vigie.deals.model.", "fr.vigie.audit.facts.", "fr.vigie.process.model.", "fr.vigie.strategy.model.",
      "fr.vigie.workspace.Period", "java.time.", "java.math.", "java.util.List", "java.util.Map", "java.util.Set",
      "java.util.Collection", "java.util.Objects", "java.util.Optional", "java.util.Locale", "java.util.ArrayList",
      "java.util.HashMap", "java.util.HashSet", "java.util.TreeSet", "java.util.TreeMap", "java.util.LinkedHashMap",
      "java.util.LinkedHashSet", "java.util.Collections", "java.util.Arrays", "java.util.Comparator",
      "java.util.stream.Collectors", "java.util.regex.Pattern", "org.apache.commons.lang3.StringUtils",
      "org.apache.commons.lang3.ObjectUtils", "org.apache.commons.lang3.math.NumberUtils",
      "org.apache.commons.lang3.time.DateUtils");

  /** Names that reach outside the facts, and why a rule may not use them. */
  static final Map<String, String> FORBIDDEN = Map.ofEntries(
      Map.entry("System", "the system (exit, properties, environment)"),
      Map.entry("Runtime", "the runtime (exit, processes)"),
      Map.entry("ProcessBuilder", "processes"),
      Map.entry("Process", "processes"),
      Map.entry("ProcessHandle", "processes"),
      Map.entry("Thread", "threads"),
      Map.entry("ThreadGroup", "threads"),
      Map.entry("Executors", "threads"),
      Map.entry("ExecutorService", "threads"),
      Map.entry("ForkJoinPool", "threads"),
      Map.entry("CompletableFuture", "threads"),
      Map.entry("Timer", "threads"),
      Map.entry("ClassLoader", "class loaders"),
      Map.entry("Class", "reflection"),
      Map.entry("forName", "reflection"),
      Map.entry("getClass", "reflection"),
      Map.entry("getDeclaredMethod", "reflection"),
      Map.entry("getDeclaredField", "reflection"),
      Map.entry("getMethod", "reflection"),
      Map.entry("setAccessible", "reflection"),
      Map.entry("newInstance", "reflection"),
      Map.entry("MethodHandles", "reflection"),
      Map.entry("Unsafe", "the JVM's internals"),
      Map.entry("File", "files"),
      Map.entry("Files", "files"),
      Map.entry("Path", "files"),
      Map.entry("Paths", "files"),
      Map.entry("FileInputStream", "files"),
      Map.entry("FileOutputStream", "files"),
      Map.entry("FileReader", "files"),
      Map.entry("FileWriter", "files"),
      Map.entry("RandomAccessFile", "files"),
      Map.entry("URL", "the network"),
      Map.entry("URI", "the network"),
      Map.entry("Socket", "the network"),
      Map.entry("ServerSocket", "the network"),
      Map.entry("HttpClient", "the network"),
      Map.entry("InetAddress", "the network"),
      Map.entry("ScriptEngineManager", "other languages"),
      Map.entry("getKieRuntime", "the rule engine itself"),
      Map.entry("getWorkingMemory", "the rule engine itself"),
      Map.entry("getKnowledgeRuntime", "the rule engine itself"),
      Map.entry("halt", "the rule engine itself"));

  /** Package prefixes that reach outside, when written with full names. */
  static final List<String> FORBIDDEN_PACKAGES = List.of(
      "java.io.", "java.nio.", "java.net.", "java.lang.reflect.", "java.lang.invoke.", "java.util.concurrent.", "java.lang.System",
      "java.lang.Runtime", "java.lang.Thread", "java.lang.Class", "java.lang.Process", "javax.", "sun.", "jdk.", "com.sun.",
      "org.springframework.", "org.kie.", "org.drools.", "org.apache.commons.lang3.reflect.");

  private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(?:function\\s+|static\\s+)?([\\w.$*]+)\\s*;?");
  private static final Pattern QUALIFIED = Pattern.compile("\\b([a-z][\\w]*(?:\\.[\\w$]+)+)");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\b");
  private static final Set<String> LOOPS = Set.of("while");

  private DrlSafety() {}

  /** Adds a located problem for every unsafe construct of {@code text}, the DRL file {@code file}. */
  public static void check(String file, String text, Problems problems) {
    String code = blankCommentsAndStrings(text);
    Matcher imports = IMPORT.matcher(code);
    while (imports.find()) {
      String imported = imports.group(1);
      if (ALLOWED_IMPORTS.stream().noneMatch(imported::startsWith)) {
        problems.error(at(file, text, imports.start(1)), "import of '" + imported + "' is not allowed in a workspace rule: "
            + "rules import Vigie's facts (fr.vigie.deals.model, fr.vigie.audit.facts...), java.time, java.math, "
            + "collections and Commons Lang (see docs/writing-rules.md#safe-rules)");
      }
    }
    String withoutImports = IMPORT.matcher(code).replaceAll(m -> " ".repeat(m.group().length()));
    Matcher qualified = QUALIFIED.matcher(withoutImports);
    java.util.BitSet reported = new java.util.BitSet(text.length());
    while (qualified.find()) {
      String name = qualified.group(1);
      for (String forbidden : FORBIDDEN_PACKAGES) {
        if (name.startsWith(forbidden) || (name + ".").startsWith(forbidden)) {
          problems.error(at(file, text, qualified.start(1)), "'" + name + "' is not allowed in a workspace rule: it reaches outside the facts "
              + "(" + forbidden.replaceAll("\\.$", "") + ")");
          reported.set(qualified.start(1), qualified.end(1));
          break;
        }
      }
    }
    Matcher identifiers = IDENTIFIER.matcher(withoutImports);
    while (identifiers.find()) {
      if (reported.get(identifiers.start(1))) {
        continue;
      }
      String name = identifiers.group(1);
      String why = FORBIDDEN.get(name);
      if (why != null) {
        problems.error(at(file, text, identifiers.start(1)), "'" + name + "' is not allowed in a workspace rule: it reaches " + why
            + "; rules only reason over Vigie's facts and insert Violations");
      } else if (LOOPS.contains(name)) {
        problems.error(at(file, text, identifiers.start(1)), "'while' loops are not allowed in a workspace rule: a rule fires once per match, "
            + "so write the condition as a pattern instead");
      }
    }
  }

  /** The text with comments and string literals replaced by spaces, keeping every position. */
  static String blankCommentsAndStrings(String text) {
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (c == '/' && next == '/') {
        while (i < text.length() && text.charAt(i) != '\n') {
          out.setCharAt(i++, ' ');
        }
      } else if (c == '/' && next == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        for (; i < end; i++) {
          if (text.charAt(i) != '\n') {
            out.setCharAt(i, ' ');
          }
        }
      } else if (c == '"' || c == '\'') {
        out.setCharAt(i++, ' ');
        while (i < text.length() && text.charAt(i) != c && text.charAt(i) != '\n') {
          if (text.charAt(i) == '\\' && i + 1 < text.length()) {
            out.setCharAt(i++, ' ');
          }
          out.setCharAt(i++, ' ');
        }
        if (i < text.length() && text.charAt(i) == c) {
          out.setCharAt(i++, ' ');
        }
      } else {
        i++;
      }
    }
    return out.toString();
  }

  private static Location at(String file, String text, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Location(file, line, offset - lineStart + 1);
  }
}
