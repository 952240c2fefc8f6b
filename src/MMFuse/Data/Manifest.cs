using MMFuse.Data.Readers;
using MMFuse.IO;

namespace MMFuse.Data;

/// <summary>
/// A table on disk (CSV, TSV, JSON Lines or Parquet). File paths in its cells are relative to its folder
/// unless absolute. Each <see cref="OpenReader"/> streams the rows afresh.
/// </summary>
public sealed class Manifest
{
    private Manifest(string path, ManifestFormat format)
    {
        Path = path;
        Format = format;
        Folder = System.IO.Path.GetDirectoryName(path)!;
    }

    /// <summary>The manifest's full path.</summary>
    public string Path { get; }

    /// <summary>The folder relative file paths in the manifest's cells are taken from.</summary>
    public string Folder { get; }

    /// <summary>The layout, from the file's extension.</summary>
    public ManifestFormat Format { get; }

    /// <summary>Opens the table at <paramref name="path"/>; a missing path, a folder, a pipe or an unknown extension is
    /// an <see cref="MMFuseInputException"/>. Nothing is read yet.</summary>
    public static Manifest Open(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new MMFuseInputException("no manifest was given");
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new MMFuseInputException($"manifest '{path}' is a folder; give the CSV, TSV, JSONL or Parquet file inside it");
        if (!File.Exists(full))
            throw new MMFuseInputException($"manifest '{path}' does not exist");
        // Read twice (profile, then validate): a pipe could not be, and opening a FIFO would block.
        if (RegularFile.Problem(full) is { } problem)
            throw new MMFuseInputException($"manifest '{path}': {problem}; give a regular CSV, TSV, JSONL or Parquet file");
        return new Manifest(full, DetectFormat(full));
    }

    /// <summary>Stands for rows built in code: there is no file to read, and relative paths are taken from the current folder.</summary>
    internal static Manifest InMemory() => new(System.IO.Path.Combine(Directory.GetCurrentDirectory(), "(rows in memory)"), ManifestFormat.Csv);

    /// <summary>The layout a file name's extension stands for; an unknown extension is an
    /// <see cref="MMFuseInputException"/>.</summary>
    public static ManifestFormat DetectFormat(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" or ".txt" => ManifestFormat.Csv,
            ".tsv" or ".tab" => ManifestFormat.Tsv,
            ".jsonl" or ".ndjson" or ".json" => ManifestFormat.JsonLines,
            ".parquet" or ".pq" => ManifestFormat.Parquet,
            var ext => throw new MMFuseInputException(
                $"manifest '{System.IO.Path.GetFileName(path)}': unknown extension '{ext}'; use .csv, .tsv, .jsonl or .parquet"),
        };

    /// <summary>A new reader over the rows from the start of the file; dispose it when done.</summary>
    public IManifestReader OpenReader() => Format switch
    {
        ManifestFormat.Csv => new DelimitedManifestReader(OpenStream(), ','),
        ManifestFormat.Tsv => new DelimitedManifestReader(OpenStream(), '\t'),
        ManifestFormat.JsonLines => new JsonLinesManifestReader(OpenStream),
        ManifestFormat.Parquet => new ParquetManifestReader(OpenStream()),
        _ => throw new InvalidOperationException("unknown format " + Format),
    };

    /// <summary>Where a file named in a cell lives: relative paths are taken from the manifest's folder.</summary>
    public string ResolvePath(string cell) =>
        System.IO.Path.IsPathRooted(cell) ? cell : System.IO.Path.GetFullPath(System.IO.Path.Combine(Folder, cell));

    private Stream OpenStream()
    {
        try
        {
            return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MMFuseInputException($"manifest '{Path}' cannot be read: {ex.Message}", ex);
        }
    }
}
