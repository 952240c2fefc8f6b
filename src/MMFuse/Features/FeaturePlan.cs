using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Augmentation;
using MMFuse.Features.Caching;
using MMFuse.Features.Extraction;
using MMFuse.Features.Preprocessing;

namespace MMFuse.Features;

/// <summary>
/// Which columns become which features: pretrained columns (with the extractor per modality), tf-idf text
/// columns, and tabular columns. Made from the schema when training, and read back from the model file when
/// predicting, so new rows are featurised exactly as the training rows were.
/// </summary>
internal sealed record FeaturePlan(IReadOnlyList<string> Pretrained, IReadOnlyList<string> Tfidf, IReadOnlyList<string> Tabular, ExtractorChoices Choices)
{
    public static FeaturePlan FromSchema(DatasetSchema schema, IReadOnlySet<string>? modalities, ExtractorChoices choices)
    {
        bool Wanted(ColumnSchema c) => modalities is null || modalities.Contains(c.Role is ColumnRole.Numeric or ColumnRole.Categorical ? "tabular" : c.Role.Name());
        var wanted = schema.Columns.Where(Wanted).ToList();
        return new FeaturePlan(
            wanted.Where(c => c.Role is ColumnRole.Image or ColumnRole.Audio || (c.Role == ColumnRole.Text && choices.TextFor(c.Name) != "tfidf")).Select(c => c.Name).ToList(),
            wanted.Where(c => c.Role == ColumnRole.Text && (choices.TextFor(c.Name) == "tfidf" || choices.BothFor(c.Name))).Select(c => c.Name).ToList(),
            wanted.Where(c => c.Role is ColumnRole.Numeric or ColumnRole.Categorical).Select(c => c.Name).ToList(),
            choices);
    }

    /// <summary>The text choice that gives a text column both a MiniLM block and a tf-idf block (named <c>COLUMN:tfidf</c>).</summary>
    public const string BothTextFeatures = "minilm+tfidf";

    /// <summary>Text columns whose blocks <c>auto</c> chooses per fold by inner cross-validation.</summary>
    public IReadOnlyList<string> AutoText => Tfidf.Where(c => Choices.TextFor(c) == ExtractorChoices.AutoText).ToList();

    public IEnumerable<string> Columns => Pretrained.Concat(Tfidf.Where(t => !Pretrained.Contains(t))).Concat(Tabular);

    /// <summary>The block name of a tf-idf column: the column's, or <c>COLUMN:tfidf</c> beside its MiniLM block.</summary>
    public string TfidfBlock(string column) => Pretrained.Contains(column) ? column + ":tfidf" : column;

    /// <summary>Extracts the pretrained columns (cached) and gathers the rest; rows whose file failed under <c>skip</c> are left out.</summary>
    public (FeatureSet Features, IReadOnlyList<ColumnExtraction> Extractions, int[] Kept) Build(
        FeatureTable table, FeatureCache cache, ExtractionOptions extraction, IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        var pretrained = Pretrained.Select(n => table.Schema[n]).ToList();
        var results = ExtractionRunner.Run(table, pretrained, Choices, cache, extraction, progress, cancel);
        var keep = ExtractionRunner.KeptRows(table, results, extraction.Policy);
        var features = new FeatureSet(
            keep.Length,
            FeatureBlocks.Subset(results.Select(r => r.Block).ToList(), keep),
            Tfidf.Select(n => (TfidfBlock(n), (IReadOnlyList<string?>)Pick(table.Values[n], keep))).ToList(),
            Tabular.Select(n => new TabularColumn(n, table.Schema[n].Role, Pick(table.Values[n], keep))).ToList()) { AutoText = AutoText };
        if (!features.BlockNames.Any())
            throw new MMFuseInputException("no feature columns are left to learn from (check DatasetOptions.Modalities and the column roles)");
        return (features, results, keep);
    }

    /// <summary>
    /// N augmented variants of every kept row's pretrained blocks (seeded, cached under their own keys); tf-idf and
    /// tabular cells are reused as they are. Only training rows of a fold ever take part in fitting.
    /// </summary>
    public IReadOnlyList<FeatureSet> BuildAugmented(FeatureTable table, FeatureCache cache, ExtractionOptions extraction,
        FeatureSet original, int[] keep, AugmentationOptions options, int seed, int count, IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        var pretrained = Pretrained.Select(n => table.Schema[n]).ToList();
        var variants = new List<FeatureSet>();
        for (var v = 0; v < count; v++)
        {
            // A variant that fails to decode where the original decoded is marked absent rather than stopping the run.
            var results = ExtractionRunner.Run(table, pretrained, Choices, cache, extraction with { Policy = BadRowPolicy.Missing },
                progress, cancel, new AugmentationVariant(options, seed, v));
            variants.Add(original with { Pretrained = FeatureBlocks.Subset(results.Select(r => r.Block).ToList(), keep) });
        }
        return variants;
    }

    /// <summary>The features with each audio block replaced by that of the same clips under <paramref name="noise"/>.</summary>
    public FeatureSet BuildTestNoise(FeatureTable table, FeatureCache cache, ExtractionOptions extraction, FeatureSet original, int[] keep,
        Evaluation.TestNoise noise, IProgress<MMFuseProgress>? progress, CancellationToken cancel)
    {
        var audio = Pretrained.Select(n => table.Schema[n]).Where(c => c.Role == ColumnRole.Audio).ToList();
        if (audio.Count == 0)
            throw new MMFuseInputException("DatasetOptions.TestNoise: there is no audio column among the features");
        var results = ExtractionRunner.Run(table, audio, Choices, cache, extraction with { Policy = BadRowPolicy.Missing }, progress, cancel,
            new TestNoiseVariant(noise));
        var noisy = FeatureBlocks.Subset(results.Select(r => r.Block).ToList(), keep).ToDictionary(b => b.Modality);
        return original with { Pretrained = original.Pretrained.Select(b => noisy.GetValueOrDefault(b.Modality) ?? b).ToList() };
    }

    public static string?[] Pick(IReadOnlyList<string?> values, int[] rows) => rows.Select(r => values[r]).ToArray();

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["pretrained"] = Strings(Pretrained),
            ["tfidf"] = Strings(Tfidf),
            ["tabular"] = Strings(Tabular),
            ["image_features"] = Choices.Image,
            ["text_features"] = Choices.Text,
            ["audio_features"] = Choices.Audio,
        };
        // Only where a column's choice differs (a long column under the default, auto's choice), so other model files stay as they were.
        if (Choices.TextByColumn is { Count: > 0 } byColumn)
            json["text_features_by_column"] = new JsonObject(byColumn.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        return json;
    }

    public static FeaturePlan FromJson(JsonNode node)
    {
        static List<string> List(JsonNode? n) => n!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        var byColumn = node["text_features_by_column"]?.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal);
        return new FeaturePlan(List(node["pretrained"]), List(node["tfidf"]), List(node["tabular"]),
            new ExtractorChoices(node["image_features"]!.GetValue<string>(), node["text_features"]!.GetValue<string>(), node["audio_features"]!.GetValue<string>())
            {
                TextByColumn = byColumn,
            });
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
