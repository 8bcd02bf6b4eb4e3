package fr.vigie.report.html;

/** Where the HTML is read: in a browser (report.html), or laid out on A4 pages (report.pdf). */
public enum Medium {
    SCREEN,
    PDF
}
