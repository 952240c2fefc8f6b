namespace MMFuse.Data;

/// <summary>How a manifest file is laid out, chosen from its extension.</summary>
public enum ManifestFormat
{
    /// <summary>Comma-separated values with a header row (<c>.csv</c>, <c>.txt</c>).</summary>
    Csv,
    /// <summary>Tab-separated values with a header row (<c>.tsv</c>, <c>.tab</c>).</summary>
    Tsv,
    /// <summary>One JSON object per line (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>).</summary>
    JsonLines,
    /// <summary>An Apache Parquet file (<c>.parquet</c>, <c>.pq</c>).</summary>
    Parquet,
}
