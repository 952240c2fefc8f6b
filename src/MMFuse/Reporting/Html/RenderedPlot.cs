namespace MMFuse.Reporting.Html;

/// <summary>A rendered plot: PNG as a data URI, and its size in CSS pixels.</summary>
internal sealed record RenderedPlot(string DataUri, int Width, int Height);
