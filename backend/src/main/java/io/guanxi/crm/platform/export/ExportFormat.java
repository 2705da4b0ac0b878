package io.guanxi.crm.platform.export;

/** The file formats a list or a figure exports to. */
public enum ExportFormat {
    /** UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it right. */
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
