using System.Text.Json.Nodes;
using MMFuse.Data;
using MMFuse.Features.Preprocessing;
using MMFuse.Features.Text;

namespace MMFuse.Features;

/// <summary>
/// The featurisers fitted on one fold's training rows (tf-idf vocabularies, the tabular model) and the way to
/// turn any rows into the fold's blocks: pretrained blocks as they are, then tf-idf blocks, then the tabular block.
/// </summary>
public sealed class FittedFeatures
{
    private readonly IReadOnlyList<(string Column, TfidfModel Model)> _tfidf;
    private readonly TabularModel? _tabular;

    private FittedFeatures(IReadOnlyList<(string, TfidfModel)> tfidf, TabularModel? tabular)
    {
        _tfidf = tfidf;
        _tabular = tabular;
    }

    /// <summary>The fitted tabular model, if the data has tabular columns (its layout locates the numeric columns).</summary>
    internal TabularModel? Tabular => _tabular;

    /// <summary>Fits tf-idf per text column and the tabular model on <paramref name="train"/>, which must be training
    /// rows only.</summary>
    public static FittedFeatures Fit(FeatureSet train, TfidfOptions? tfidf = null, TabularOptions? tabular = null)
    {
        var models = new List<(string, TfidfModel)>();
        foreach (var (column, texts) in train.TfidfText)
        {
            var present = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
            try { models.Add((column, TfidfFeaturizer.Fit(present, tfidf))); }
            catch (InvalidOperationException ex)
            {
                throw new MMFuseInputException($"text column '{column}': tf-idf cannot be fitted on these training rows: {ex.Message}", ex);
            }
        }
        return new FittedFeatures(models, train.Tabular.Count > 0 ? TabularFeaturizer.Fit(train.Tabular, tabular) : null);
    }

    /// <summary>Any rows' blocks, in fold order: pretrained blocks as given, then one tf-idf block per column (blank
    /// texts absent), then the tabular block.</summary>
    public IReadOnlyList<FeatureBlock> Transform(FeatureSet rows)
    {
        var blocks = new List<FeatureBlock>(rows.Pretrained);
        foreach (var (column, model) in _tfidf)
        {
            var texts = rows.TfidfText.First(t => t.Column == column).Texts;
            var present = texts.Select(t => !string.IsNullOrWhiteSpace(t)).ToArray();
            var vectors = model.Transform(texts.Where((_, i) => present[i]).Select(t => t!).ToList());
            var matrix = new float[texts.Count][];
            for (int i = 0, j = 0; i < texts.Count; i++)
                matrix[i] = present[i] ? vectors[j++] : new float[model.Dimension];
            blocks.Add(new FeatureBlock(column, model.Id, model.Dimension, matrix, present));
        }
        if (_tabular is not null)
            blocks.Add(_tabular.Transform(rows.Tabular));
        return blocks;
    }

    /// <summary>The fitted state for the model file.</summary>
    public JsonObject ToJson()
    {
        var tfidf = new JsonArray();
        foreach (var (column, model) in _tfidf)
        {
            using var buffer = new MemoryStream();
            model.Save(buffer);
            tfidf.Add(new JsonObject { ["column"] = column, ["model"] = JsonNode.Parse(buffer.ToArray()) });
        }
        return new JsonObject { ["tfidf"] = tfidf, ["tabular"] = _tabular?.ToJson() };
    }

    /// <summary>Restores fitted featurisers from the JSON <see cref="ToJson"/> wrote.</summary>
    public static FittedFeatures FromJson(JsonNode node)
    {
        var tfidf = node["tfidf"]!.AsArray().Select(t =>
        {
            using var buffer = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(t!["model"]!.ToJsonString()));
            return (t["column"]!.GetValue<string>(), TfidfModel.Load(buffer));
        }).ToList();
        return new FittedFeatures(tfidf, node["tabular"] is { } tabular ? TabularModel.FromJson(tabular) : null);
    }
}
