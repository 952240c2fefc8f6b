using System.Text.Json.Nodes;

namespace MMFuse.Evaluation.Calibration;

/// <summary>
/// What a trained model keeps to calibrate its predictions: the calibrator, and with conformal prediction the
/// coverage asked for and the threshold q̂ — all fitted on out-of-fold predictions of an inner cross-validation over
/// the training rows.
/// </summary>
public sealed record ModelCalibration(Calibrator Calibrator, double? Coverage, double Quantile)
{
    /// <summary>The JSON the model file keeps.</summary>
    public JsonObject ToJson() => new()
    {
        ["calibrator"] = Calibrator.ToJson(),
        ["coverage"] = Coverage,
        ["quantile"] = double.IsFinite(Quantile) ? Quantile : null,
    };

    /// <summary>Reads <see cref="ToJson"/>.</summary>
    public static ModelCalibration FromJson(JsonNode node) => new(
        Calibrator.FromJson(node["calibrator"]!),
        node["coverage"]?.GetValue<double>(),
        node["quantile"]?.GetValue<double>() ?? double.PositiveInfinity);
}
