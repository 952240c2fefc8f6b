using System.Text.Json;
using System.Text.Json.Serialization;

namespace MMFuse.Features.Text;

/// <summary>
/// A fitted tf-idf featuriser: vocabulary (sorted terms, one column each) and idf weights. Rows are
/// sublinear term frequency (1 + ln tf) times idf, L2-normalised. A text none of whose terms is in the
/// vocabulary gets an all-zero row: it is present, it just shares no term with the training texts.
/// </summary>
public sealed class TfidfModel
{
    private readonly Dictionary<string, int> _columns;
    private readonly double[] _idf;

    /// <summary>A model with the given vocabulary and idf weights (one per term, same order).</summary>
    [JsonConstructor]
    public TfidfModel(TfidfOptions options, IReadOnlyList<string> terms, IReadOnlyList<double> idf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(idf);
        options.Validate();
        if (terms.Count != idf.Count)
            throw new ArgumentException($"{terms.Count} terms but {idf.Count} idf weights.");
        Options = options;
        Terms = terms.ToArray();
        _idf = idf.ToArray();
        _columns = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
            if (!_columns.TryAdd(terms[i], i))
                throw new ArgumentException($"Duplicate term '{terms[i]}'.");
    }

    /// <summary>The extractor id of tf-idf blocks.</summary>
    [JsonIgnore]
    public string Id => TfidfFeaturizer.ExtractorId;

    /// <summary>Changes when the same fitted model would weight a text differently.</summary>
    [JsonIgnore]
    public string Version => "1;sublinear;smooth_idf;l2";

    /// <summary>The number of columns: one per vocabulary term.</summary>
    [JsonIgnore]
    public int Dimension => Terms.Count;

    /// <summary>The options the model was fitted with.</summary>
    public TfidfOptions Options { get; }

    /// <summary>Column names: "w:" + word n-gram or "c:" + character n-gram, in column order.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The inverse document frequency of each term, in column order.</summary>
    public IReadOnlyList<double> Idf => _idf;

    /// <summary>One row per text, in input order.</summary>
    /// <exception cref="ArgumentException">A text is null, empty or only white space.</exception>
    public float[][] Transform(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var rows = new float[texts.Count][];
        for (var r = 0; r < texts.Count; r++)
        {
            CheckText(texts[r], r, nameof(texts));
            var counts = new Dictionary<int, int>();
            foreach (var term in TfidfAnalyzer.Terms(texts[r], Options))
                if (_columns.TryGetValue(term, out var column))
                    counts[column] = counts.GetValueOrDefault(column) + 1;

            var row = new float[Terms.Count];
            foreach (var (column, count) in counts)
                row[column] = (float)((1.0 + Math.Log(count)) * _idf[column]);
            L2.NormalizeInPlace(row);
            rows[r] = row;
        }
        return rows;
    }

    /// <summary>Writes the model as JSON (exact doubles, so a reloaded model gives bit-identical rows).</summary>
    public void Save(Stream stream) => JsonSerializer.Serialize(stream, this, JsonOptions);

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static TfidfModel Load(Stream stream) =>
        JsonSerializer.Deserialize<TfidfModel>(stream, JsonOptions)
        ?? throw new InvalidDataException("The tf-idf model file is empty.");

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Exact doubles: a reloaded model must give bit-identical rows.
        NumberHandling = JsonNumberHandling.Strict,
    };

    internal static void CheckText(string? text, int index, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new ArgumentException($"Text {index} is empty; mark it absent instead of featurising it.", parameter);
    }
}
