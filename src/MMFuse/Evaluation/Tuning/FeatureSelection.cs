using MMFuse.Data;
using MMFuse.Features;

namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// A text-feature choice applied to features extracted with both text blocks (<c>minilm+tfidf</c>, or <c>auto</c>):
/// MiniLM blocks are pretrained and cached, tf-idf is fitted per fold from the raw texts, so a choice only drops
/// blocks — nothing is extracted again. A tuner's trial makes one choice for every column; <see cref="TextFeatureChoice"/>
/// makes one per column.
/// </summary>
public static class FeatureSelection
{
    /// <summary>The suffix of a tf-idf block that sits beside its column's MiniLM block.</summary>
    public const string TfidfSuffix = ":tfidf";

    /// <summary>The choices for one text column, in the order a tie is settled (the first wins).</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["minilm", "tfidf", Features.FeaturePlan.BothTextFeatures];

    /// <summary>The text choices a trial can make on <paramref name="features"/>: all three when some text column has
    /// both blocks, else none.</summary>
    public static IReadOnlyList<string> TextChoices(FeatureSet features) =>
        PairedColumns(features).Count > 0 ? Candidates : [];

    /// <summary>The features with the blocks <paramref name="textFeatures"/> leaves out dropped, for every column with
    /// both blocks (null: unchanged; both: unchanged but no longer left for <c>auto</c> to choose).</summary>
    public static FeatureSet Apply(FeatureSet features, string? textFeatures)
    {
        if (textFeatures is null || (textFeatures == Features.FeaturePlan.BothTextFeatures && features.AutoText.Count == 0))
            return features;
        Check(textFeatures);
        return ApplyByColumn(features, PairedColumns(features).ToDictionary(c => c, _ => textFeatures, StringComparer.Ordinal));
    }

    /// <summary>The features with, for each column named in <paramref name="byColumn"/>, the blocks its choice leaves
    /// out dropped; those columns are no longer left for <c>auto</c> to choose.</summary>
    public static FeatureSet ApplyByColumn(FeatureSet features, IReadOnlyDictionary<string, string> byColumn)
    {
        var paired = PairedColumns(features);
        string? Choice(string column) => paired.Contains(column) ? byColumn.GetValueOrDefault(column) : null;
        foreach (var choice in byColumn.Values)
            Check(choice);
        return features with
        {
            TfidfText = features.TfidfText.Where(t => !(t.Column.EndsWith(TfidfSuffix, StringComparison.Ordinal) && Choice(Column(t.Column)) == "minilm")).ToArray(),
            Pretrained = features.Pretrained.Where(b => Choice(b.Modality) != "tfidf").ToArray(),
            AutoText = features.AutoText.Where(c => !byColumn.ContainsKey(c)).ToArray(),
        };
    }

    /// <summary><see cref="Apply(FeatureSet, string?)"/> on each set (augmented variants); null stays null.</summary>
    public static IReadOnlyList<FeatureSet>? Apply(IReadOnlyList<FeatureSet>? sets, string? textFeatures) =>
        sets?.Select(s => Apply(s, textFeatures)).ToList();

    /// <summary><see cref="ApplyByColumn(FeatureSet, IReadOnlyDictionary{string, string})"/> on each set; null stays null.</summary>
    public static IReadOnlyList<FeatureSet>? ApplyByColumn(IReadOnlyList<FeatureSet>? sets, IReadOnlyDictionary<string, string> byColumn) =>
        sets?.Select(s => ApplyByColumn(s, byColumn)).ToList();

    private static void Check(string choice)
    {
        if (!Candidates.Contains(choice))
            throw new MMFuseInputException($"text features '{choice}' are not one of minilm, tfidf, minilm+tfidf");
    }

    private static HashSet<string> PairedColumns(FeatureSet features) => features.TfidfText
        .Where(t => t.Column.EndsWith(TfidfSuffix, StringComparison.Ordinal) && features.Pretrained.Any(b => b.Modality == Column(t.Column)))
        .Select(t => Column(t.Column)).ToHashSet(StringComparer.Ordinal);

    private static string Column(string block) => block.EndsWith(TfidfSuffix, StringComparison.Ordinal) ? block[..^TfidfSuffix.Length] : block;
}
