using MMFuse.Data;
using MMFuse.Features.Extraction;

namespace MMFuse.Bench;

/// <summary>The shared datasets beside the repository (../shared/datasets), read with MMFuse's own manifest loader.</summary>
internal sealed class Datasets(string root)
{
    public string Root { get; } = root;

    public string EmojiManifest => Path.Combine(Root, "emoji", "emoji.csv");
    public string AvDigitsManifest => Path.Combine(Root, "avdigits", "avdigits.csv");

    /// <summary>The first <paramref name="count"/> emoji PNGs in name order (Google artwork, 64x64 RGBA).</summary>
    public string[] EmojiImages(int count)
    {
        var files = Directory.GetFiles(Path.Combine(Root, "emoji", "images", "google"), "*.png").Order(StringComparer.Ordinal).ToArray();
        return Take(files, count, "emoji images");
    }

    /// <summary>The first <paramref name="count"/> non-empty cells of the emoji manifest's <c>text</c> column.</summary>
    public string[] EmojiTexts(int count)
    {
        var texts = Column(EmojiManifest, "text").Where(c => !string.IsNullOrWhiteSpace(c.Text)).Select(c => c.Text!).ToArray();
        return Take(texts, count, "emoji texts");
    }

    /// <summary>The first <paramref name="count"/> cells of an avdigits column (<c>image</c> or <c>audio</c>).</summary>
    public FeatureCell[] AvDigits(string column, int count) => Take(Column(AvDigitsManifest, column).ToArray(), count, "avdigits " + column);

    private static IReadOnlyList<FeatureCell> Column(string manifest, string column)
    {
        var table = FeatureTable.Load(Manifest.Open(manifest), new SchemaOptions(), BadRowPolicy.Fail);
        return table.Cells.TryGetValue(column, out var cells)
            ? cells
            : throw new InvalidOperationException($"{manifest} has no feature column '{column}' (has: {string.Join(", ", table.Cells.Keys)})");
    }

    private static T[] Take<T>(T[] items, int count, string what) => items.Length >= count
        ? items[..count]
        : throw new InvalidOperationException($"asked for {count} {what}, the dataset has {items.Length}");
}
