namespace MMFuse.Reporting.Html;

/// <summary>An embedded audio clip: WAV data URI, the source's full length and how much of it was embedded.</summary>
internal sealed record Clip(string DataUri, double DurationSeconds, double EmbeddedSeconds);
