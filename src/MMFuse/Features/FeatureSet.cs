using MMFuse.Features.Preprocessing;

namespace MMFuse.Features;

/// <summary>
/// Everything a model learns from, for a set of rows: blocks from pretrained extractors (computed once, cached),
/// and the raw cells of what must be fitted per fold (tf-idf text columns, numeric and categorical columns).
/// </summary>
public sealed record FeatureSet(
    int Rows,
    IReadOnlyList<FeatureBlock> Pretrained,
    IReadOnlyList<(string Column, IReadOnlyList<string?> Texts)> TfidfText,
    IReadOnlyList<TabularColumn> Tabular)
{
    /// <summary>The same features for the given <paramref name="rows"/> only, in that order (repeats
    /// allowed).</summary>
    public FeatureSet Subset(IReadOnlyList<int> rows) => new(
        rows.Count,
        FeatureBlocks.Subset(Pretrained, rows),
        TfidfText.Select(t => (t.Column, (IReadOnlyList<string?>)rows.Select(r => t.Texts[r]).ToArray())).ToArray(),
        Tabular.Select(c => c with { Values = rows.Select(r => c.Values[r]).ToArray() }).ToArray()) { AutoText = AutoText };

    /// <summary>Text columns carrying both a MiniLM block and a tf-idf block (<c>COLUMN:tfidf</c>) of which each fold
    /// keeps the blocks an inner cross-validation on its training rows chooses (<see cref="Evaluation.TextFeatureChoice"/>);
    /// empty when nothing is left to choose.</summary>
    public IReadOnlyList<string> AutoText { get; init; } = [];

    /// <summary>Rows of several sets one after another (e.g. training rows followed by their augmented variants).</summary>
    public static FeatureSet Concat(IReadOnlyList<FeatureSet> sets)
    {
        if (sets.Count == 1) return sets[0];
        var first = sets[0];
        return new FeatureSet(
            sets.Sum(s => s.Rows),
            first.Pretrained.Select((b, i) => b with
            {
                Rows = sets.SelectMany(s => s.Pretrained[i].Rows).ToArray(),
                Present = sets.SelectMany(s => s.Pretrained[i].Present).ToArray(),
            }).ToArray(),
            first.TfidfText.Select((t, i) => (t.Column, (IReadOnlyList<string?>)sets.SelectMany(s => s.TfidfText[i].Texts).ToArray())).ToArray(),
            first.Tabular.Select((c, i) => c with { Values = sets.SelectMany(s => s.Tabular[i].Values).ToArray() }).ToArray()) { AutoText = first.AutoText };
    }

    /// <summary>Each block's presence flags, in <see cref="BlockNames"/> order, without fitting anything: a pretrained
    /// block's own flags, a tf-idf column's non-blank texts, and for the tabular block any non-missing cell (an
    /// unparseable number counts as missing), exactly as the fitted featurisers would set them.</summary>
    public IReadOnlyList<(string Modality, bool[] Present)> Presence()
    {
        var flags = Pretrained.Select(b => (b.Modality, b.Present.ToArray())).ToList();
        flags.AddRange(TfidfText.Select(t => (t.Column, t.Texts.Select(x => !string.IsNullOrWhiteSpace(x)).ToArray())));
        if (Tabular.Count > 0)
            flags.Add((TabularModel.BlockName, Enumerable.Range(0, Rows).Select(r => Tabular.Any(c => c.Role == Data.ColumnRole.Numeric
                ? NumericColumnModel.TryParse(c.Values[r], out _)
                : c.Values[r] is not null)).ToArray()));
        return flags;
    }

    /// <summary>The modality names the blocks will carry, in order.</summary>
    public IEnumerable<string> BlockNames =>
        Pretrained.Select(b => b.Modality).Concat(TfidfText.Select(t => t.Column)).Concat(Tabular.Count > 0 ? [TabularModel.BlockName] : []);
}
