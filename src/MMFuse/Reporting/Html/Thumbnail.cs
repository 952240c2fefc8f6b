namespace MMFuse.Reporting.Html;

/// <summary>An embedded image: PNG data URI, its pixel size, and the (possibly enlarged) size to show it at.</summary>
internal sealed record Thumbnail(string DataUri, int Width, int Height, int DisplayWidth, int DisplayHeight);
