using System.Text.Json.Nodes;

namespace MMFuse.Evaluation.Calibration;

/// <summary>
/// Fitted recalibration of a classifier's probabilities. Temperature scaling keeps one temperature per missingness
/// pattern (rows missing a modality are usually over-confident in a way complete rows are not), falling back to the
/// temperature of all rows for a pattern seen fewer than <see cref="MinPatternRows"/> times; isotonic maps the
/// positive class's probability (binary). Fitted on out-of-fold predictions only.
/// </summary>
public sealed record Calibrator(CalibrationKind Kind, double Temperature, IReadOnlyDictionary<string, double> PatternTemperatures,
    IsotonicCalibration? Isotonic)
{
    /// <summary>A pattern needs this many rows for a temperature of its own.</summary>
    public const int MinPatternRows = 30;

    /// <summary>Leaves probabilities as they are.</summary>
    public static Calibrator Identity { get; } = new(CalibrationKind.None, 1.0, new Dictionary<string, double>(), null);

    /// <summary>Fits a calibrator on out-of-fold probabilities, their labels and each row's missingness pattern.</summary>
    public static Calibrator Fit(CalibrationKind kind, IReadOnlyList<float[]> probabilities, IReadOnlyList<int> labels, IReadOnlyList<string> patterns)
    {
        switch (kind)
        {
            case CalibrationKind.None:
                return Identity;
            case CalibrationKind.Isotonic:
                if (probabilities.Count > 0 && probabilities[0].Length != 2)
                    throw new Data.MMFuseInputException("calibration: isotonic calibration needs a binary task; use temperature scaling");
                return Identity with { Kind = kind, Isotonic = IsotonicCalibration.Fit(probabilities.Select(p => (double)p[1]).ToList(), labels) };
            default:
                var global = TemperatureScaling.Fit(probabilities, labels);
                var perPattern = Enumerable.Range(0, patterns.Count).GroupBy(i => patterns[i], StringComparer.Ordinal)
                    .Where(g => g.Count() >= MinPatternRows)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => TemperatureScaling.Fit(g.Select(i => probabilities[i]).ToList(), g.Select(i => labels[i]).ToList()),
                        StringComparer.Ordinal);
                return new Calibrator(kind, global, perPattern, null);
        }
    }

    /// <summary>Calibrated probabilities for rows with the given missingness patterns.</summary>
    public float[][] Apply(IReadOnlyList<float[]> probabilities, IReadOnlyList<string> patterns)
    {
        var result = new float[probabilities.Count][];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            result[i] = Kind switch
            {
                CalibrationKind.Temperature => TemperatureScaling.Scaled(p, PatternTemperatures.GetValueOrDefault(patterns[i], Temperature)).Select(v => (float)v).ToArray(),
                CalibrationKind.Isotonic when Isotonic is not null => Binary(Isotonic.Apply(p[1])),
                _ => (float[])p.Clone(),
            };
        }
        return result;
    }

    private static float[] Binary(double positive) => [(float)(1 - positive), (float)positive];

    /// <summary>The JSON the model file keeps.</summary>
    public JsonObject ToJson() => new()
    {
        ["kind"] = Kind.ToString().ToLowerInvariant(),
        ["temperature"] = Temperature,
        ["patterns"] = new JsonObject(PatternTemperatures.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["isotonic_x"] = Isotonic is null ? null : new JsonArray(Isotonic.X.Select(v => (JsonNode?)v).ToArray()),
        ["isotonic_y"] = Isotonic is null ? null : new JsonArray(Isotonic.Y.Select(v => (JsonNode?)v).ToArray()),
    };

    /// <summary>Reads <see cref="ToJson"/>.</summary>
    public static Calibrator FromJson(JsonNode node)
    {
        var kind = Enum.Parse<CalibrationKind>(node["kind"]!.GetValue<string>(), ignoreCase: true);
        var patterns = node["patterns"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<double>(), StringComparer.Ordinal);
        var isotonic = node["isotonic_x"] is JsonArray x && node["isotonic_y"] is JsonArray y
            ? new IsotonicCalibration(x.Select(v => v!.GetValue<double>()).ToArray(), y.Select(v => v!.GetValue<double>()).ToArray())
            : null;
        return new Calibrator(kind, node["temperature"]!.GetValue<double>(), patterns, isotonic);
    }
}
