namespace MMFuse.Features;

/// <summary>
/// A user's file could not be decoded (corrupt, truncated, unsupported codec). The message is the reason
/// alone; callers add the row, column and file so the error names all of them.
/// </summary>
public sealed class MediaDecodeException(string reason, Exception? inner = null) : Exception(reason, inner);
