namespace MMFuse.Serve.Contracts;

/// <summary>The answer to POST /v1/predict and /v1/explain: one prediction per row, in request order.</summary>
public sealed record PredictResponse(IReadOnlyList<PredictionResult> Predictions);
