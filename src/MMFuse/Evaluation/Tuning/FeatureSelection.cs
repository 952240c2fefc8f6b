using MMFuse.Data;
using MMFuse.Features;

namespace MMFuse.Evaluation.Tuning;

/// <summary>
/// The text-feature choice of a trial applied to features extracted with both text blocks (<c>minilm+tfidf</c>):
/// MiniLM blocks are pretrained and cached, tf-idf is fitted per fold from the raw texts, so a choice only drops
/// blocks — nothing is extracted again.
/// </summary>
public static class FeatureSelection
{
    /// <summary>The suffix of a tf-idf block that sits beside its column's MiniLM block.</summary>
    public const string TfidfSuffix = ":tfidf";

    /// <summary>The text choices a trial can make on <paramref name="features"/>: all three when some text column has
    /// both blocks, else none.</summary>
    public static IReadOnlyList<string> TextChoices(FeatureSet features) =>
        PairedColumns(features).Count > 0 ? ["minilm", "tfidf", Features.FeaturePlan.BothTextFeatures] : [];

    /// <summary>The features with the blocks <paramref name="textFeatures"/> leaves out dropped (null or both: unchanged).</summary>
    public static FeatureSet Apply(FeatureSet features, string? textFeatures)
    {
        var paired = PairedColumns(features);
        return textFeatures switch
        {
            null or Features.FeaturePlan.BothTextFeatures => features,
            "minilm" => features with { TfidfText = features.TfidfText.Where(t => !paired.Contains(Column(t.Column))).ToArray() },
            "tfidf" => features with { Pretrained = features.Pretrained.Where(b => !paired.Contains(b.Modality)).ToArray() },
            _ => throw new MMFuseInputException($"text features '{textFeatures}' are not one of minilm, tfidf, minilm+tfidf"),
        };
    }

    /// <summary><see cref="Apply(FeatureSet, string?)"/> on each set (augmented variants); null stays null.</summary>
    public static IReadOnlyList<FeatureSet>? Apply(IReadOnlyList<FeatureSet>? sets, string? textFeatures) =>
        sets?.Select(s => Apply(s, textFeatures)).ToList();

    private static HashSet<string> PairedColumns(FeatureSet features) => features.TfidfText
        .Where(t => t.Column.EndsWith(TfidfSuffix, StringComparison.Ordinal) && features.Pretrained.Any(b => b.Modality == Column(t.Column)))
        .Select(t => Column(t.Column)).ToHashSet(StringComparer.Ordinal);

    private static string Column(string block) => block.EndsWith(TfidfSuffix, StringComparison.Ordinal) ? block[..^TfidfSuffix.Length] : block;
}
