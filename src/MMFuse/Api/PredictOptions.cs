using MMFuse.Data;
using MMFuse.Features.Images;

namespace MMFuse;

/// <summary>How rows are predicted: ids, bad rows, explanations, limits, threads and the feature cache.</summary>
public sealed record PredictOptions
{
    /// <summary>The column whose values identify the rows (default: the training table's id column, else a column named id, else row numbers).</summary>
    public string? IdColumn { get; init; }

    /// <summary>What a bad row or undecodable file does (tables only; rows built in code always fail with a message).</summary>
    public BadRowPolicy BadRows { get; init; } = BadRowPolicy.Fail;

    /// <summary>Add each modality's exact Shapley contribution to each row's prediction.</summary>
    public bool Explain { get; init; }

    /// <summary>Text cells are cut to this many characters; give the value used in training.</summary>
    public int MaxTextChars { get; init; } = SchemaOptions.DefaultMaxTextChars;

    /// <summary>An image with more pixels is refused.</summary>
    public long MaxImagePixels { get; init; } = ImageDecodeOptions.DefaultMaxPixels;

    /// <summary>A clip longer than this many seconds is refused (from a WAV header before decoding, else once decoded); no limit by default.</summary>
    public double MaxAudioSeconds { get; init; } = double.PositiveInfinity;

    /// <summary>Rows built in code: an image or clip larger than this many bytes is refused (a stream is read no further).</summary>
    public long MaxMediaBytes { get; init; } = 64L << 20;

    /// <summary>Decoding and inference threads.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Look features up in (and add them to) the feature cache.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>The feature cache folder; null for the default.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>Rows built in code: a string in an image or audio column is a file path, allowed only inside this folder; null refuses paths.</summary>
    public string? AllowedPathRoot { get; init; }
}
