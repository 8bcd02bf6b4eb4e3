package fr.vigie.server.uploads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may weigh: the file as sent ({@code vigie.server.max-upload}), and once a zip is
 * opened, its entries, their total size, and how much one entry may expand (a zip bomb expands a
 * thousand times and more; real exports, about ten).
 */
@ConfigurationProperties("vigie.server.uploads")
public record UploadLimits(DataSize maxUpload, DataSize maxUnzipped, int maxEntries, int maxRatio) {

    public UploadLimits {
        maxUpload = maxUpload == null ? DataSize.ofMegabytes(200) : maxUpload;
        maxUnzipped = maxUnzipped == null ? DataSize.ofGigabytes(2) : maxUnzipped;
        maxEntries = maxEntries <= 0 ? 10_000 : maxEntries;
        maxRatio = maxRatio <= 0 ? 100 : maxRatio;
    }

    /** The upload limit in whole megabytes, for messages. */
    public long maxUploadMegabytes() {
        return maxUpload.toMegabytes();
    }
}
