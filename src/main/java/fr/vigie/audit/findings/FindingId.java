package fr.vigie.audit.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A finding's stable id: "F-" and 12 characters (60 bits) of a SHA-256 of rule, deal, stage and
 * key. The same deviation on the same deal keeps its id from one run to the next, so that it can be
 * waived; the deal's id does not show in it.
 */
public final class FindingId {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private FindingId() {}

    private static final ThreadLocal<MessageDigest> SHA256 =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return MessageDigest.getInstance("SHA-256");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException(
                                    "SHA-256 is part of every Java runtime", e);
                        }
                    });

    public static String of(String rule, String deal, String stage, String key) {
        MessageDigest digest = SHA256.get();
        String joined =
                rule + '\u0000' + deal + '\u0000' + (stage == null ? "" : stage) + '\u0000' + key;
        byte[] hash = digest.digest(joined.getBytes(StandardCharsets.UTF_8));
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = bits << 8 | (hash[i] & 0xff);
        }
        char[] id = new char[12];
        for (int i = 0; i < 12; i++) {
            id[i] = ALPHABET[(int) (bits >>> (64 - 5 * (i + 1))) & 31];
        }
        return "F-" + new String(id);
    }
}
