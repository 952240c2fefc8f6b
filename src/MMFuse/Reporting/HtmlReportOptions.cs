namespace MMFuse.Reporting;

/// <summary>Knobs of the HTML report; the defaults keep a report with a dozen media rows around a megabyte or two.</summary>
/// <param name="ThumbnailSize">Longest side, in pixels, of embedded image thumbnails (larger images are downscaled).</param>
/// <param name="ClipSeconds">Audio clips are cut to their first this-many seconds before embedding.</param>
/// <param name="PlotWidth">Plot width in CSS pixels; the height follows the plot kind.</param>
/// <param name="PlotScale">Pixel density of the plot PNGs (2 stays sharp on phones and high-DPI screens).</param>
public sealed record HtmlReportOptions(int ThumbnailSize = 96, double ClipSeconds = 5, int PlotWidth = 560, double PlotScale = 2);
