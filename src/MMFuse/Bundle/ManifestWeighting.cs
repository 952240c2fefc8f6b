using MMFuse.Evaluation;

namespace MMFuse.Bundle;

/// <summary>How a model's training rows were weighted, recorded in <c>model.json</c> as <c>weighting</c>; training only,
/// prediction reads no weights.</summary>
/// <param name="SampleWeightColumn">The training table's sample-weight column (<see cref="DatasetOptions.Weight"/>); null for none.</param>
/// <param name="ClassWeight">The class weighting (<see cref="EvaluationOptions.ClassWeight"/>).</param>
public sealed record ManifestWeighting(string? SampleWeightColumn, ClassWeight ClassWeight);
