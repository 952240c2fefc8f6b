namespace MMFuse.Data;

public enum ManifestFormat
{
    Csv,
    Tsv,
    JsonLines,
    Parquet,
}
